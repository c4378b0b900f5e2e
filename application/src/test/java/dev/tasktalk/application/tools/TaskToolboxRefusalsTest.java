package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.ToolboxFixture.ALICE;
import static dev.tasktalk.application.tools.ToolboxFixture.BOB;
import static dev.tasktalk.application.tools.ToolboxFixture.json;
import static dev.tasktalk.application.tools.ToolboxFixture.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.todo.Todo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls that cannot run: each comes back as an error outcome whose message names the argument (or
 * the missing task) so the model can correct itself, and a title a person can read.
 */
class TaskToolboxRefusalsTest {

  private static final String ID = "7d7f3c1e-8f7e-4a8e-9a43-5d1c2b3a4f5e";

  private final ToolboxFixture fixture = new ToolboxFixture();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // tool | arguments | argument | message | action
        "add_task | [1,2] | arguments | arguments must be a JSON object | add task",
        "add_task | 'title' | arguments | arguments must be a JSON object | add task",
        "add_task | {} | title | title is required | add task",
        "add_task | {'title':null} | title | title is required | add task",
        "add_task | {'title':5} | title | title must be a string | add task",
        "add_task | {'title':'  '} | title | title must not be empty | add task",
        "add_task | {'title':'x','owner':'bob'} | owner | unknown argument owner; this tool takes"
            + " title, description, priority, due, tags | add task",
        "add_task | {'title':'x','priority':'urgent'} | priority | priority must be one of low,"
            + " medium, high | add task",
        "add_task | {'title':'x','priority':3} | priority | priority must be a string | add task",
        "add_task | {'title':'x','due':'tomorrow'} | due | due must be an ISO date (2026-11-23) or"
            + " date-time (2026-11-23T09:00:00Z) | add task",
        "add_task | {'title':'x','due':'2026-02-30'} | due | due must be an ISO date (2026-11-23)"
            + " or date-time (2026-11-23T09:00:00Z) | add task",
        "add_task | {'title':'x','tags':'shop'} | tags | tags must be an array of strings | add"
            + " task",
        "add_task | {'title':'x','tags':['a',1]} | tags | tags must be an array of strings | add"
            + " task",
        "add_task | {'title':'x','tags':['  ']} | tags | tags must not be empty | add task",
        "list_tasks | {'status':'closed'} | status | status must be one of open, done, all | list"
            + " tasks",
        "list_tasks | {'limit':0} | limit | limit must be a whole number from 1 to 100 | list"
            + " tasks",
        "list_tasks | {'limit':101} | limit | limit must be a whole number from 1 to 100 | list"
            + " tasks",
        "list_tasks | {'limit':2.5} | limit | limit must be a whole number from 1 to 100 | list"
            + " tasks",
        "list_tasks | {'limit':'5'} | limit | limit must be a whole number from 1 to 100 | list"
            + " tasks",
        "list_tasks | {'limit':99999999999} | limit | limit must be a whole number from 1 to 100 |"
            + " list tasks",
        "list_tasks | {'tag':5} | tag | tag must be a string | list tasks",
        "list_tasks | {'due_before':'soon'} | due_before | due_before must be an ISO date"
            + " (2026-11-23) or date-time (2026-11-23T09:00:00Z) | list tasks",
        "list_tasks | {'due_after':'x'} | due_after | due_after must be an ISO date (2026-11-23) or"
            + " date-time (2026-11-23T09:00:00Z) | list tasks",
        "list_tasks | {'query':'milk'} | query | unknown argument query; this tool takes status,"
            + " priority, tag, due_before, due_after, limit | list tasks",
        "get_task | {} | task_id | task_id is required | read task",
        "get_task | {'task_id':42} | task_id | task_id must be a string | read task",
        "get_task | {'task_id':'milk'} | task_id | task_id must be a task id (a UUID) taken from"
            + " list_tasks or search_tasks results | read task",
        "update_task | {'task_id':'"
            + ID
            + "'} | title | nothing to change: send at least one of title, description, priority,"
            + " due, tags | update task",
        "update_task | {'task_id':'"
            + ID
            + "','completed':true} | completed | unknown argument completed; this tool takes"
            + " task_id, title, description, priority, due, tags | update task",
        "update_task | {'title':'x'} | task_id | task_id is required | update task",
        "update_task | {'task_id':'"
            + ID
            + "','priority':'asap'} | priority"
            + " | priority must be one of low, medium, high | update task",
        "update_task | {'task_id':'"
            + ID
            + "','due':'someday'} | due | due must be an ISO date (2026-11-23) or date-time"
            + " (2026-11-23T09:00:00Z) | update task",
        "complete_task | {'id':'"
            + ID
            + "'} | id | unknown argument id; this tool takes task_id | complete task",
        "delete_task | {'task_id':'"
            + ID
            + "','confirm':true} | confirm"
            + " | unknown argument confirm; this tool takes task_id | delete task",
        "search_tasks | {} | query | query is required | search tasks",
        "search_tasks | {'query':' '} | query | query must not be empty | search tasks",
        "search_tasks | {'query':'milk','status':'any'} | status | status must be one of open,"
            + " done, all | search tasks",
        "search_tasks | {'query':'milk','limit':-1} | limit | limit must be a whole number from 1"
            + " to 100 | search tasks"
      })
  void givenBadArguments_aCall_namesTheArgument(
      String tool, String arguments, String argument, String message, String action) {
    ToolOutcome outcome = fixture.call(ALICE, tool, arguments);

    assertThat(outcome.error()).isTrue();
    assertThat(json(outcome.content())).isEqualTo(json(quotes("{'error':'" + message + "'}")));
    assertThat(message).contains(argument);
    assertThat(outcome.title()).isEqualTo("Couldn't " + action + ": " + message);
    assertThat(fixture.calls.last().status()).isEqualTo("error");
  }

  @Test
  void givenTextThatIsNotJson_aCall_saysSo() {
    ToolOutcome outcome = fixture.call(ALICE, "add_task", "{'title': 'x'");

    assertThat(outcome.error()).isTrue();
    assertThat(json(outcome.content()).get("error").stringValue())
        .startsWith("arguments are not valid JSON");
    assertThat(outcome.title()).startsWith("Couldn't add task: arguments are not valid JSON");
  }

  @Test
  void givenNoArgumentsAtAll_aCall_readsThemAsAnEmptyObject() {
    assertThat(fixture.toolbox.call(ToolboxFixture.mcp(ALICE), "list_tasks", null).error())
        .isFalse();
    assertThat(fixture.toolbox.call(ToolboxFixture.mcp(ALICE), "list_tasks", " ").error())
        .isFalse();
  }

  @Test
  void givenADuplicatedArgument_aCall_isRefused() {
    ToolOutcome outcome = fixture.call(ALICE, "add_task", "{'title':'a','title':'b'}");

    assertThat(outcome.error()).isTrue();
    assertThat(fixture.todos.list(ALICE, TodoFilter.all(), null, 10)).isEmpty();
  }

  @Test
  void givenATooLongTitle_addTask_saysHowLongItMayBe() {
    ToolOutcome outcome = fixture.call(ALICE, "add_task", "{'title':'" + "x".repeat(201) + "'}");

    assertThat(json(outcome.content()))
        .isEqualTo(json(quotes("{'error':'title must be at most 200 characters'}")));
    assertThat(outcome.title())
        .isEqualTo("Couldn't add task: title must be at most 200 characters");
  }

  @ParameterizedTest
  @CsvSource({
    "get_task, read task",
    "update_task, update task",
    "complete_task, complete task",
    "delete_task, delete task"
  })
  void givenAnUnknownTaskId_aCall_saysThereIsNoSuchTask(String tool, String action) {
    String change = tool.equals("update_task") ? ",'title':'x'" : "";
    ToolOutcome outcome = fixture.call(ALICE, tool, "{'task_id':'" + ID + "'" + change + "}");

    assertThat(outcome.error()).isTrue();
    assertThat(json(outcome.content()))
        .isEqualTo(
            json(
                quotes(
                    "{'error':'no task with id "
                        + ID
                        + " (use list_tasks or search_tasks to find ids)'}")));
    assertThat(outcome.title()).isEqualTo("Couldn't " + action + ": no such task");
  }

  @Test
  void givenAnotherUsersTask_everyTool_treatsItAsMissing() {
    Todo alices = fixture.add(ALICE, "Alice's secret");
    String id = alices.id().toString();

    for (String tool : new String[] {"get_task", "complete_task", "delete_task"}) {
      ToolOutcome outcome = fixture.call(BOB, tool, "{'task_id':'" + id + "'}");
      assertThat(outcome.error()).as(tool).isTrue();
      assertThat(outcome.content()).as(tool).contains("no task with id " + id);
    }
    assertThat(
            fixture.call(BOB, "update_task", "{'task_id':'" + id + "','title':'Mine now'}").error())
        .isTrue();
    assertThat(
            json(fixture.call(BOB, "list_tasks", "{'status':'all'}").content())
                .get("count")
                .intValue())
        .isZero();
    assertThat(
            json(fixture.call(BOB, "search_tasks", "{'query':'secret'}").content())
                .get("count")
                .intValue())
        .isZero();
    String arguments = quotes("{'task_id':'" + id + "'}");
    assertThat(
            fixture.toolbox.describe(ToolboxFixture.agent(BOB), "delete_task", arguments).error())
        .isTrue();

    Todo unchanged = fixture.service.get(ALICE, alices.id());
    assertThat(unchanged.title()).isEqualTo("Alice's secret");
    assertThat(unchanged.completed()).isFalse();
  }

  @Test
  void givenAnUnknownTool_aCall_namesTheToolsThereAre() {
    ToolOutcome outcome = fixture.call(ALICE, "drop_tables", "{}");

    assertThat(outcome.error()).isTrue();
    assertThat(json(outcome.content()).get("error").stringValue())
        .isEqualTo(
            "unknown tool drop_tables; the tools are add_task, list_tasks, get_task, update_task,"
                + " complete_task, delete_task, search_tasks");
    assertThat(outcome.title()).isEqualTo("Couldn't run an unknown tool");
    assertThat(fixture.calls.last().name()).isEqualTo("drop_tables");
    assertThat(fixture.toolbox.call(ToolboxFixture.agent(ALICE), null, "{}").error()).isTrue();
  }

  @Test
  void givenAnOwnerArgument_aCall_isRefused_forTheOwnerComesOnlyFromTheContext() {
    fixture.add(ALICE, "Alice's secret");

    ToolOutcome outcome = fixture.call(BOB, "list_tasks", "{'owner':'alice'}");

    assertThat(outcome.error()).isTrue();
    assertThat(outcome.content()).doesNotContain("secret");
  }
}
