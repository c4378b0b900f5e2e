package dev.tasktalk.adapter.out.llm.offline;

import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.CHOCOLATE;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.MILK;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.MUM;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.args;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.json;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.one;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.task;
import static dev.tasktalk.adapter.out.llm.offline.OfflineChat.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.ToolCall;
import org.junit.jupiter.api.Test;

/**
 * Multi-step turns: the model is fed its tool results back and decides the next step or sums up.
 */
class OfflineFlowsTest {

  private static final String BUY_MILK = task(MILK, "Buy milk");
  private static final String MILK_CHOCOLATE = task(CHOCOLATE, "Buy milk chocolate");

  @Test
  void givenOneMatch_complete_completesItAndSaysDone() {
    OfflineChat chat = OfflineChat.start().user("mark buy milk as done").answer(tasks(BUY_MILK));

    ToolCall complete = chat.call();
    assertThat(complete.name()).isEqualTo("complete_task");
    assertThat(args(complete)).isEqualTo(json("{\"task_id\":\"" + MILK + "\"}"));

    chat.answer(one(BUY_MILK.replace("\"completed\":false", "\"completed\":true")));
    assertThat(chat.text()).isEqualTo("Done: ‘Buy milk’.");
  }

  @Test
  void givenNoMatch_complete_triesTheLastWordThenSaysSo() {
    OfflineChat chat = OfflineChat.start().user("mark buy milk as done").answer(tasks());

    assertThat(args(chat.call()))
        .isEqualTo(json("{\"query\":\"milk\",\"status\":\"open\",\"limit\":10}"));

    chat.answer(tasks());
    assertThat(chat.text()).isEqualTo("I couldn't find an open task matching ‘buy milk’.");
  }

  @Test
  void givenMatchOnlyForTheLastWord_complete_completesThatTask() {
    String oatMilk = task(MILK, "Buy oat milk");
    OfflineChat chat =
        OfflineChat.start().user("complete buy milk").answer(tasks()).answer(tasks(oatMilk));

    assertThat(args(chat.call())).isEqualTo(json("{\"task_id\":\"" + MILK + "\"}"));
    chat.answer(one(oatMilk));
    assertThat(chat.text()).isEqualTo("Done: ‘Buy oat milk’.");
  }

  @Test
  void givenSeveralMatches_complete_asksWhichOneListingThem() {
    OfflineChat chat =
        OfflineChat.start().user("complete the milk task").answer(tasks(BUY_MILK, MILK_CHOCOLATE));

    assertThat(chat.text())
        .isEqualTo(
            """
            Several open tasks match ‘milk’:
            1. ‘Buy milk’
            2. ‘Buy milk chocolate’
            Which one should I complete? Reply with its number or its title.\
            """);
  }

  @Test
  void givenSeveralMatchesOneWithTheExactTitle_complete_completesThatOne() {
    OfflineChat chat =
        OfflineChat.start().user("complete buy milk").answer(tasks(MILK_CHOCOLATE, BUY_MILK));

    assertThat(args(chat.call())).isEqualTo(json("{\"task_id\":\"" + MILK + "\"}"));
  }

  @Test
  void givenTheModelAskedWhichOne_aNumber_searchesAgainAndCompletesThatMatch() {
    OfflineChat chat =
        OfflineChat.start()
            .user("complete the milk task")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE))
            .replied()
            .user("2");

    assertThat(args(chat.call()))
        .isEqualTo(json("{\"query\":\"milk\",\"status\":\"open\",\"limit\":10}"));
    chat.answer(tasks(BUY_MILK, MILK_CHOCOLATE));
    assertThat(args(chat.call())).isEqualTo(json("{\"task_id\":\"" + CHOCOLATE + "\"}"));
    chat.answer(one(MILK_CHOCOLATE));
    assertThat(chat.text()).isEqualTo("Done: ‘Buy milk chocolate’.");
  }

  @Test
  void givenTheModelAskedWhichOne_anOrdinalOrATitle_picksThatTask() {
    OfflineChat ordinal =
        OfflineChat.start()
            .user("delete milk")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE))
            .replied()
            .user("the first one")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE));
    OfflineChat title =
        OfflineChat.start()
            .user("delete milk")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE))
            .replied()
            .user("Buy milk chocolate");

    assertThat(args(ordinal.call())).isEqualTo(json("{\"task_id\":\"" + MILK + "\"}"));
    assertThat(args(title.call()))
        .isEqualTo(json("{\"query\":\"Buy milk chocolate\",\"status\":\"all\",\"limit\":10}"));
  }

  @Test
  void givenTheModelAskedWhichOne_aNumberOutOfRange_asksAgain() {
    OfflineChat chat =
        OfflineChat.start()
            .user("delete milk")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE))
            .replied()
            .user("5")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE));

    assertThat(chat.text())
        .startsWith("There is no number 5. Several tasks match ‘milk’:")
        .contains("Which one should I delete?");
  }

  @Test
  void givenTheModelAskedWhichOne_neverMind_dropsIt() {
    OfflineChat chat =
        OfflineChat.start()
            .user("delete milk")
            .answer(tasks(BUY_MILK, MILK_CHOCOLATE))
            .replied()
            .user("never mind");

    assertThat(chat.text()).isEqualTo("OK, I'll leave your tasks as they are.");
  }

  @Test
  void givenANumberWithoutAQuestion_stream_answersWithHelp() {
    assertThat(OfflineChat.start().user("2").text()).contains("offline assistant");
  }

  @Test
  void givenOneMatch_delete_callsDeleteAndConfirms() {
    OfflineChat chat = OfflineChat.start().user("delete the milk task").answer(tasks(BUY_MILK));

    ToolCall delete = chat.call();
    assertThat(delete.name()).isEqualTo("delete_task");
    assertThat(args(delete)).isEqualTo(json("{\"task_id\":\"" + MILK + "\"}"));

    chat.answer("{\"deleted\":true,\"task_id\":\"" + MILK + "\"}");
    assertThat(chat.text()).isEqualTo("Deleted ‘Buy milk’.");
  }

  @Test
  void givenTheUserCancelsTheDelete_delete_saysTheTaskWasKept() {
    OfflineChat flag =
        OfflineChat.start()
            .user("remove buy milk")
            .answer(tasks(BUY_MILK))
            .answer("{\"cancelled\":true}");
    OfflineChat error =
        OfflineChat.start()
            .user("remove buy milk")
            .answer(tasks(BUY_MILK))
            .answer("{\"error\":\"The user declined this action.\"}");

    assertThat(flag.text()).isEqualTo("OK, I kept ‘Buy milk’.");
    assertThat(error.text()).isEqualTo("OK, I kept ‘Buy milk’.");
  }

  @Test
  void givenTheDeleteFails_delete_saysWhy() {
    OfflineChat chat =
        OfflineChat.start()
            .user("remove buy milk")
            .answer(tasks(BUY_MILK))
            .answer("{\"error\":\"task not found\"}");

    assertThat(chat.text()).isEqualTo("I couldn't delete ‘Buy milk’: task not found.");
  }

  @Test
  void givenNoMatch_delete_saysSo() {
    OfflineChat chat = OfflineChat.start().user("delete the dentist task").answer(tasks());

    assertThat(chat.text()).isEqualTo("I couldn't find a task matching ‘dentist’.");
  }

  @Test
  void givenOneMatch_rename_updatesTheTitleAndNamesBoth() {
    OfflineChat chat =
        OfflineChat.start().user("rename buy milk to buy oat milk").answer(tasks(BUY_MILK));

    ToolCall update = chat.call();
    assertThat(update.name()).isEqualTo("update_task");
    assertThat(args(update))
        .isEqualTo(json("{\"task_id\":\"" + MILK + "\",\"title\":\"Buy oat milk\"}"));

    chat.answer(one(task(MILK, "Buy oat milk")));
    assertThat(chat.text()).isEqualTo("Renamed ‘Buy milk’ to ‘Buy oat milk’.");
  }

  @Test
  void givenSeveralMatches_rename_asksWhichOne() {
    OfflineChat chat =
        OfflineChat.start().user("change milk to Oat milk").answer(tasks(BUY_MILK, MILK_CHOCOLATE));

    assertThat(chat.text())
        .contains("Which one should I change?", "‘Buy milk’", "‘Buy milk chocolate’");
  }

  @Test
  void givenPriorityAndDueChanges_update_setsThoseFields() {
    OfflineChat priority =
        OfflineChat.start().user("make buy milk high priority").answer(tasks(BUY_MILK));
    OfflineChat due = OfflineChat.start().user("move buy milk to friday").answer(tasks(BUY_MILK));

    assertThat(args(priority.call()))
        .isEqualTo(json("{\"task_id\":\"" + MILK + "\",\"priority\":\"high\"}"));
    assertThat(args(due.call()))
        .isEqualTo(json("{\"task_id\":\"" + MILK + "\",\"due\":\"2026-11-27\"}"));
    due.answer(one(BUY_MILK));
    assertThat(due.text()).isEqualTo("Updated ‘Buy milk’: due 2026-11-27.");
  }

  @Test
  void givenATaskId_complete_looksItUpInsteadOfSearching() {
    OfflineChat chat = OfflineChat.start().user("complete " + MUM);

    ToolCall lookup = chat.call();
    assertThat(lookup.name()).isEqualTo("get_task");
    assertThat(args(lookup)).isEqualTo(json("{\"task_id\":\"" + MUM + "\"}"));
    chat.answer(one(task(MUM, "Call mum")));
    assertThat(chat.call().name()).isEqualTo("complete_task");
    chat.answer(one(task(MUM, "Call mum")));
    assertThat(chat.text()).isEqualTo("Done: ‘Call mum’.");
  }

  @Test
  void givenAddResult_add_summarisesTitleAndDue() {
    OfflineChat chat =
        OfflineChat.start()
            .user("add a task to buy milk tomorrow")
            .answer(
                "{\"task\":{\"id\":\""
                    + MILK
                    + "\",\"title\":\"Buy milk\",\"completed\":false,"
                    + "\"priority\":\"medium\",\"due\":\"2026-11-23\",\"tags\":[]}}");

    assertThat(chat.text()).isEqualTo("Added ‘Buy milk’, due 2026-11-23.");
  }

  @Test
  void givenHighPriorityAddResult_add_mentionsThePriority() {
    OfflineChat chat =
        OfflineChat.start()
            .user("add a high priority task to pay rent by 2026-12-01")
            .answer(
                "{\"task\":{\"id\":\"x\",\"title\":\"Pay"
                    + " rent\",\"priority\":\"high\",\"due\":\"2026-12-01\"}}");

    assertThat(chat.text()).isEqualTo("Added ‘Pay rent’ (high priority), due 2026-12-01.");
  }

  @Test
  void givenAddError_add_saysWhy() {
    OfflineChat chat =
        OfflineChat.start().user("add buy milk").answer("{\"error\":\"title is too long\"}");

    assertThat(chat.text()).isEqualTo("I couldn't add ‘Buy milk’: title is too long.");
  }

  @Test
  void givenListResults_list_namesTheTasks() {
    OfflineChat two =
        OfflineChat.start()
            .user("show my open tasks")
            .answer(tasks(BUY_MILK, task(MUM, "Call mum")));
    OfflineChat three =
        OfflineChat.start()
            .user("show all tasks")
            .answer(
                tasks(
                    BUY_MILK,
                    task(MUM, "Call mum"),
                    MILK_CHOCOLATE.replace("\"completed\":false", "\"completed\":true")));
    OfflineChat none = OfflineChat.start().user("show done tasks").answer(tasks());
    OfflineChat single = OfflineChat.start().user("list tasks").answer(tasks(BUY_MILK));

    assertThat(two.text()).isEqualTo("You have 2 open tasks: ‘Buy milk’ and ‘Call mum’.");
    assertThat(three.text())
        .isEqualTo("You have 3 tasks: ‘Buy milk’, ‘Call mum’ and ‘Buy milk chocolate’ (done).");
    assertThat(none.text()).isEqualTo("You have no done tasks.");
    assertThat(single.text()).isEqualTo("You have 1 open task: ‘Buy milk’.");
  }

  @Test
  void givenMoreTasksThanListed_list_saysHowManyMore() {
    OfflineChat chat =
        OfflineChat.start().user("list tasks").answer("{\"tasks\":[" + BUY_MILK + "],\"count\":4}");

    assertThat(chat.text()).isEqualTo("You have 4 open tasks: ‘Buy milk’ and 3 more.");
  }

  @Test
  void givenAPageWithMoreAfterIt_list_saysThereAreMore() {
    OfflineChat chat =
        OfflineChat.start()
            .user("list tasks")
            .answer("{\"tasks\":[" + BUY_MILK + "],\"count\":1,\"has_more\":true}");

    assertThat(chat.text()).isEqualTo("You have more than 1 open task: ‘Buy milk’.");
  }

  @Test
  void givenSearchResults_search_namesTheMatches() {
    OfflineChat found =
        OfflineChat.start().user("find tasks about milk").answer(tasks(BUY_MILK, MILK_CHOCOLATE));
    OfflineChat none = OfflineChat.start().user("search dentist").answer(tasks());

    assertThat(found.text())
        .isEqualTo("2 tasks match ‘milk’: ‘Buy milk’ and ‘Buy milk chocolate’.");
    assertThat(none.text()).isEqualTo("No tasks match ‘dentist’.");
  }

  @Test
  void givenToolResultThatIsNotJson_search_reportsItAsTheError() {
    OfflineChat chat = OfflineChat.start().user("search milk").answer("database unavailable");

    assertThat(chat.text()).isEqualTo("I couldn't search your tasks: database unavailable.");
  }
}
