package dev.tasktalk.adapter.out.llm.offline;

import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.args;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.ToolCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each phrase family becomes the right first tool call with the right arguments (today: Sunday
 * 2026-11-22).
 */
class OfflineCommandsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          add a task to buy milk tomorrow                         | {"title":"Buy milk","due":"2026-11-23"}
          add buy milk                                            | {"title":"Buy milk"}
          Add Buy milk.                                           | {"title":"Buy milk"}
          remind me to call mum on friday                         | {"title":"Call mum","due":"2026-11-27"}
          add a high priority task to pay rent by 2026-12-01      | {"title":"Pay rent","priority":"high","due":"2026-12-01"}
          Please add an urgent task: fix the roof in 3 days!      | {"title":"Fix the roof","priority":"high","due":"2026-11-25"}
          can you add a low priority task to water plants please  | {"title":"Water plants","priority":"low"}
          add milk to my list                                     | {"title":"Milk"}
          todo: buy milk                                          | {"title":"Buy milk"}
          remind me tomorrow at 5pm to call mum                   | {"title":"Call mum","due":"2026-11-23T17:00:00Z"}
          new task: book flights next week #travel #work          | {"title":"Book flights","due":"2026-11-23","tags":["travel","work"]}
          create a todo called Call the plumber, note: ask about the boiler | {"title":"Call the plumber","description":"ask about the boiler"}
          """)
  void givenAddPhrase_stream_callsAddTask(String message, String arguments) {
    assertCall(message, "add_task", arguments);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          show my open tasks             | {"status":"open"}
          list tasks                     | {"status":"open"}
          what do I have to do?          | {"status":"open"}
          tasks                          | {"status":"open"}
          show done tasks                | {"status":"done"}
          which tasks are completed      | {"status":"done"}
          show all my tasks              | {"status":"all"}
          show high priority tasks       | {"status":"open","priority":"high"}
          list tasks tagged work         | {"status":"open","tag":"work"}
          what's due today               | {"status":"open","due_before":"2026-11-23"}
          any overdue tasks?             | {"status":"open","due_before":"2026-11-22"}
          """)
  void givenListPhrase_stream_callsListTasks(String message, String arguments) {
    assertCall(message, "list_tasks", arguments);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          find tasks about milk    | {"query":"milk","limit":10}
          search milk              | {"query":"milk","limit":10}
          search for "dentist"     | {"query":"dentist","limit":10}
          look for dentist         | {"query":"dentist","limit":10}
          show tasks about milk    | {"query":"milk","limit":10}
          """)
  void givenSearchPhrase_stream_callsSearchTasks(String message, String arguments) {
    assertCall(message, "search_tasks", arguments);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          mark buy milk as done              | buy milk
          Mark "Buy milk" done, please.      | Buy milk
          complete the milk task             | milk
          I bought milk… done                | milk
          I've paid the rent!                | rent
          I called mum                       | mum
          buy milk is done                   | buy milk
          check off the milk                 | milk
          done: buy milk                     | buy milk
          """)
  void givenCompletePhrase_stream_firstSearchesOpenTasks(String message, String query) {
    assertCall(
        message, "search_tasks", "{\"query\":\"" + query + "\",\"status\":\"open\",\"limit\":10}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          delete the milk task                   | milk
          remove buy milk                        | buy milk
          Remove task: buy milk                  | buy milk
          get rid of the milk task from my list  | milk
          rename buy milk to buy oat milk        | buy milk
          change the milk task to Buy oat milk   | milk
          make buy milk high priority            | buy milk
          move buy milk to friday                | buy milk
          """)
  void givenDeleteOrChangePhrase_stream_firstSearchesAllTasks(String message, String query) {
    assertCall(
        message, "search_tasks", "{\"query\":\"" + query + "\",\"status\":\"all\",\"limit\":10}");
  }

  private static void assertCall(String message, String tool, String arguments) {
    ToolCall call = OfflineChat.start().user(message).call();

    assertThat(call.name()).isEqualTo(tool);
    assertThat(args(call)).isEqualTo(json(arguments));
    assertThat(call.id()).matches("call_[0-9a-f]{24}");
  }
}
