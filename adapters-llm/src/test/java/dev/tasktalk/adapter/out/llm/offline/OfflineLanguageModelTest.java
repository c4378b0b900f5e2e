package dev.tasktalk.adapter.out.llm.offline;

import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.MILK;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.task;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model as a port: help, Urdu, titles, and provider-like streaming that is fully deterministic.
 */
class OfflineLanguageModelTest {

  private final OfflineLanguageModel model = new OfflineLanguageModel(OfflineChat.CLOCK);

  @Test
  void modelName_isTheOfflineName() {
    assertThat(model.modelName()).isEqualTo("tasktalk-offline");
  }

  @Test
  void givenAnythingElse_stream_answersWithHelpThatSaysItIsOfflineAndNamesTheSettings() {
    String help = OfflineChat.start().user("What's the weather like?").text();

    assertThat(help)
        .contains(
            "Tasktalk's offline assistant",
            "rule-based",
            "no AI model configured",
            "add a task to buy milk tomorrow",
            "show my open tasks",
            "mark buy milk as done",
            "delete the milk task",
            "LLM_PROVIDER",
            "LLM_API_KEY",
            "LLM_MODEL",
            "LLM_BASE_URL",
            "Ollama",
            "vLLM");
  }

  @Test
  void givenNoUserMessage_stream_answersWithHelp() {
    List<ModelEvent> events =
        model.stream(new ModelRequest(List.of(), OfflineChat.TOOLS))
            .collect()
            .asList()
            .await()
            .indefinitely();

    assertThat(text(events)).contains("offline assistant");
  }

  @Test
  void givenUrduMessage_stream_answersInUrduThenInEnglish() {
    String answer = OfflineChat.start().user("میرے کام دکھائیں").text();

    assertThat(answer).startsWith("میں Tasktalk کا آف لائن معاون ہوں").contains("LLM_PROVIDER");
    assertThat(answer.substring(answer.indexOf("\n\n") + 2)).isEqualTo(HelpReplies.english());
  }

  @Test
  void givenCommandThatCannotBeDone_stream_explainsInsteadOfCallingATool() {
    assertThat(OfflineChat.start().user("delete everything").text())
        .startsWith("Which task do you mean?");
    assertThat(OfflineChat.start().user("add").text()).startsWith("What should the task say?");
  }

  @Test
  void givenThanks_stream_answersKindlyWithoutHelp() {
    assertThat(OfflineChat.start().user("OK, thanks!").text()).isEqualTo("You're welcome!");
  }

  @Test
  void givenToolNotOffered_stream_saysItIsUnavailable() {
    String answer =
        OfflineChat.start().withTools(OfflineChat.TOOLS.subList(0, 1)).user("show my tasks").text();

    assertThat(answer)
        .isEqualTo("I can't do that right now: the list_tasks tool isn't available to me.");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          Buy milk                               | Buy milk
          show my open tasks                     | Open tasks
          show done tasks                        | Done tasks
          add a task to buy milk tomorrow        | Buy milk
          add milk                               | Add Milk
          mark buy milk as done                  | Complete buy milk
          find tasks about the dentist           | Tasks about dentist
          hi                                     | Tasktalk chat
          میرے کام دکھائیں                       | میرے کام دکھائیں
          could you tell me a really long story about dragons and knights | Tell me a really long story
          """)
  void givenTitleRequest_stream_answersWithAShortTitleFromTheFirstMessage(
      String first, String title) {
    List<ModelMessage> messages =
        List.of(
            new ModelMessage.System(
                "Write a short title for this conversation. Reply with the title only."),
            new ModelMessage.User(first),
            new ModelMessage.Assistant("Sure.", List.of(), null),
            new ModelMessage.User("and something else"));

    List<ModelEvent> events =
        model.stream(new ModelRequest(messages, List.of()))
            .collect()
            .asList()
            .await()
            .indefinitely();

    assertThat(text(events)).isEqualTo(title);
    assertThat(title.split(" ")).hasSizeBetween(2, 6);
    assertThat(events.get(events.size() - 1))
        .isInstanceOfSatisfying(
            ModelEvent.Finished.class, finished -> assertThat(finished.reason()).isEqualTo("stop"));
  }

  @Test
  void givenTheSameMessages_stream_emitsTheSameEvents() {
    OfflineChat chat =
        OfflineChat.start().user("complete the milk task").answer(tasks(task(MILK, "Buy milk")));

    assertThat(chat.events()).isEqualTo(chat.events());
    assertThat(new OfflineChat().user("add buy milk").call())
        .isEqualTo(new OfflineChat().user("add buy milk").call());
  }

  @Test
  void givenTheSameCallAtAnotherPosition_stream_usesAnotherCallId() {
    String first = OfflineChat.start().user("add buy milk").call().id();
    String later = OfflineChat.start().user("hello").replied().user("add buy milk").call().id();

    assertThat(later).isNotEqualTo(first);
  }

  @Test
  void givenAnswer_stream_streamsWordDeltasThatJoinToTheTextThenStops() {
    List<ModelEvent> events =
        OfflineChat.start()
            .user("list tasks")
            .answer(tasks(task(MILK, "Buy milk"), task("t2", "Call mum")))
            .events();

    List<String> deltas =
        events.stream()
            .filter(ModelEvent.TextDelta.class::isInstance)
            .map(event -> ((ModelEvent.TextDelta) event).text())
            .toList();
    assertThat(deltas)
        .hasSizeGreaterThan(3)
        .allSatisfy(delta -> assertThat(delta.strip()).doesNotContain(" "));
    assertThat(String.join("", deltas))
        .isEqualTo("You have 2 open tasks: ‘Buy milk’ and ‘Call mum’.");
    ModelEvent last = events.get(events.size() - 1);
    assertThat(last)
        .isEqualTo(
            new ModelEvent.Finished("stop", ((ModelEvent.Finished) last).inputTokens(), 10L));
    assertThat(((ModelEvent.Finished) last).inputTokens()).isGreaterThan(10L);
  }

  @Test
  void givenToolCall_stream_emitsOnlyTheCallThenFinishesWithToolCalls() {
    List<ModelEvent> events = OfflineChat.start().user("add buy milk").events();

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(ModelEvent.ToolCallRequested.class);
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            ModelEvent.Finished.class,
            finished -> {
              assertThat(finished.reason()).isEqualTo("tool_calls");
              assertThat(finished.inputTokens()).isEqualTo(11L);
              assertThat(finished.outputTokens()).isEqualTo(4L);
            });
  }

  @Test
  void givenMultilineAnswer_stream_keepsNewlinesInTheDeltas() {
    String help = OfflineChat.start().user("help").text();

    assertThat(help).isEqualTo(HelpReplies.english()).contains("\n- “show my open tasks”");
  }

  private static String text(List<ModelEvent> events) {
    return events.stream()
        .filter(ModelEvent.TextDelta.class::isInstance)
        .map(event -> ((ModelEvent.TextDelta) event).text())
        .collect(Collectors.joining());
  }
}
