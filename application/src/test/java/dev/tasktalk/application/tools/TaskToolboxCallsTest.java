package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.ToolboxFixture.ALICE;
import static dev.tasktalk.application.tools.ToolboxFixture.NOW;
import static dev.tasktalk.application.tools.ToolboxFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.in.todo.AddTodoCommand;
import dev.tasktalk.application.port.in.todo.FieldChange;
import dev.tasktalk.application.port.in.todo.UpdateTodoCommand;
import dev.tasktalk.domain.todo.Due;
import dev.tasktalk.domain.todo.Priority;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each tool's successful call: what it changes, the JSON the model reads and the title a person
 * sees.
 */
class TaskToolboxCallsTest {

  private final ToolboxFixture fixture = new ToolboxFixture();

  @Test
  void givenEveryArgument_addTask_addsTheTaskAndReturnsIt() {
    ToolOutcome outcome =
        fixture.call(
            ALICE,
            "add_task",
            "{'title':' Buy milk ','description':'2 litres',"
                + "'priority':'high','due':'2026-11-23','tags':['Shopping','errands']}");

    assertThat(outcome.error()).isFalse();
    assertThat(outcome.title()).isEqualTo("Added task ‘Buy milk’");
    JsonNode task = json(outcome.content()).get("task");
    Todo stored = fixture.service.get(ALICE, TodoId.parse(task.get("id").stringValue()));
    assertThat(task)
        .isEqualTo(
            json(
                ("{'id':'"
                        + stored.id()
                        + "','title':'Buy milk','description':'2 litres',"
                        + "'priority':'high','due':'2026-11-23','tags':['shopping','errands'],'completed':false,"
                        + "'created_at':'2026-11-22T10:00:00Z','updated_at':'2026-11-22T10:00:00Z','completed_at':null}")
                    .replace('\'', '"')));
  }

  @Test
  void givenOnlyATitle_addTask_usesTheDefaults() {
    ToolOutcome outcome = fixture.call(ALICE, "add_task", "{'title':'Buy milk','priority':null}");

    JsonNode task = json(outcome.content()).get("task");
    assertThat(task.get("priority").stringValue()).isEqualTo("medium");
    assertThat(task.get("due").isNull()).isTrue();
    assertThat(task.get("description").isNull()).isTrue();
    assertThat(task.get("tags")).isEmpty();
  }

  @Test
  void givenADateTime_addTask_keepsTheInstant() {
    ToolOutcome outcome =
        fixture.call(ALICE, "add_task", "{'title':'Call','due':'2026-11-23T09:30:00+01:00'}");

    assertThat(json(outcome.content()).at("/task/due").stringValue())
        .isEqualTo("2026-11-23T08:30:00Z");
  }

  @Test
  void givenOpenAndDoneTasks_listTasks_listsTheOpenOnesByDefault() {
    Todo milk = fixture.add(ALICE, "Buy milk");
    Todo bread = fixture.add(ALICE, "Buy bread");
    fixture.service.complete(ALICE, fixture.add(ALICE, "Old").id());

    ToolOutcome outcome = fixture.call(ALICE, "list_tasks", "{}");

    assertThat(outcome.title()).isEqualTo("Listed 2 open tasks");
    JsonNode result = json(outcome.content());
    assertThat(ids(result)).containsExactlyInAnyOrder(milk.id().toString(), bread.id().toString());
    assertThat(result.get("count").intValue()).isEqualTo(2);
    assertThat(result.get("has_more").booleanValue()).isFalse();
    assertThat(result.get("tasks").get(0).propertyNames())
        .containsExactly(
            "id",
            "title",
            "description",
            "priority",
            "due",
            "tags",
            "completed",
            "created_at",
            "updated_at",
            "completed_at");
  }

  @Test
  void givenFilters_listTasks_appliesThem() {
    fixture.call(
        ALICE, "add_task", "{'title':'A','priority':'high','tags':['home'],'due':'2026-12-01'}");
    fixture.call(
        ALICE, "add_task", "{'title':'B','priority':'high','tags':['work'],'due':'2026-12-01'}");
    fixture.call(
        ALICE, "add_task", "{'title':'C','priority':'low','tags':['home'],'due':'2026-12-01'}");
    fixture.call(
        ALICE, "add_task", "{'title':'D','priority':'high','tags':['home'],'due':'2027-01-15'}");

    ToolOutcome outcome =
        fixture.call(
            ALICE,
            "list_tasks",
            "{'status':'all','priority':'high','tag':'HOME',"
                + "'due_after':'2026-11-30','due_before':'2026-12-31T00:00:00Z'}");

    assertThat(titles(json(outcome.content()))).containsExactly("A");
    assertThat(outcome.title()).isEqualTo("Listed 1 task");
  }

  @Test
  void givenMoreTasksThanTheLimit_listTasks_saysThereAreMore() {
    fixture.add(ALICE, "One");
    fixture.add(ALICE, "Two");

    ToolOutcome outcome = fixture.call(ALICE, "list_tasks", "{'limit':1}");

    assertThat(json(outcome.content()).get("has_more").booleanValue()).isTrue();
    assertThat(outcome.title()).isEqualTo("Listed 1 open task");
  }

  @Test
  void givenOnlyDoneTasks_listTasks_titles() {
    fixture.service.complete(ALICE, fixture.add(ALICE, "Old").id());

    assertThat(fixture.call(ALICE, "list_tasks", "{}").title()).isEqualTo("No open tasks");
    assertThat(fixture.call(ALICE, "list_tasks", "{'status':'done'}").title())
        .isEqualTo("Listed 1 completed task");
  }

  @Test
  void givenATask_getTask_readsIt() {
    Todo milk = fixture.add(ALICE, "Buy milk");

    ToolOutcome outcome = fixture.call(ALICE, "get_task", "{'task_id':' " + milk.id() + " '}");

    assertThat(outcome.error()).isFalse();
    assertThat(outcome.title()).isEqualTo("Read task ‘Buy milk’");
    assertThat(json(outcome.content()).at("/task/id").stringValue())
        .isEqualTo(milk.id().toString());
  }

  @Test
  void givenSomeFields_updateTask_changesOnlyThose() {
    Todo milk =
        fixture.service.add(
            new AddTodoCommand(ALICE, "Buy milk", "2 litres", Priority.LOW, null, List.of("shop")));

    ToolOutcome outcome =
        fixture.call(
            ALICE,
            "update_task",
            "{'task_id':'"
                + milk.id()
                + "','title':'Buy oat milk','priority':'high','description':null}");

    assertThat(outcome.title()).isEqualTo("Updated task ‘Buy oat milk’");
    Todo updated = fixture.service.get(ALICE, milk.id());
    assertThat(updated.title()).isEqualTo("Buy oat milk");
    assertThat(updated.priority()).isEqualTo(Priority.HIGH);
    assertThat(updated.description()).contains("2 litres");
    assertThat(updated.tags()).containsExactly("shop");
    assertThat(json(outcome.content()).at("/task/title").stringValue()).isEqualTo("Buy oat milk");
  }

  @Test
  void givenEmptyValues_updateTask_clearsDescriptionDueAndTags() {
    Todo milk = fixture.add(ALICE, "Buy milk");
    fixture.service.update(
        new UpdateTodoCommand(
            ALICE,
            milk.id(),
            null,
            FieldChange.to("notes"),
            null,
            FieldChange.to(Due.parse("due", "2026-12-01")),
            FieldChange.to(List.of("a")),
            null));

    fixture.call(
        ALICE,
        "update_task",
        "{'task_id':'" + milk.id() + "','description':'','due':'','tags':[]}");

    Todo cleared = fixture.service.get(ALICE, milk.id());
    assertThat(cleared.description()).isEmpty();
    assertThat(cleared.due()).isEmpty();
    assertThat(cleared.tags()).isEmpty();
  }

  @Test
  void givenAnOpenTask_completeTask_completesIt_andAgainChangesNothing() {
    Todo milk = fixture.add(ALICE, "Buy milk");

    ToolOutcome outcome = fixture.call(ALICE, "complete_task", "{'task_id':'" + milk.id() + "'}");
    ToolOutcome again = fixture.call(ALICE, "complete_task", "{'task_id':'" + milk.id() + "'}");

    assertThat(outcome.title()).isEqualTo("Completed task ‘Buy milk’");
    assertThat(json(outcome.content()).at("/task/completed").booleanValue()).isTrue();
    assertThat(json(outcome.content()).at("/task/completed_at").stringValue())
        .isEqualTo(NOW.toString());
    assertThat(again.error()).isFalse();
    assertThat(fixture.service.get(ALICE, milk.id()).completed()).isTrue();
  }

  @Test
  void givenATask_deleteTask_deletesItAndReturnsWhatItWas() {
    Todo milk = fixture.add(ALICE, "Buy milk");

    ToolOutcome outcome = fixture.call(ALICE, "delete_task", "{'task_id':'" + milk.id() + "'}");

    assertThat(outcome.error()).isFalse();
    assertThat(outcome.title()).isEqualTo("Deleted task ‘Buy milk’");
    assertThat(json(outcome.content()).get("deleted").booleanValue()).isTrue();
    assertThat(json(outcome.content()).at("/task/title").stringValue()).isEqualTo("Buy milk");
    assertThat(fixture.todos.find(ALICE, milk.id())).isEmpty();
  }

  @Test
  void givenMcpsConfirm_deleteTask_refusesIt_forConfirmBelongsToTheMcpAdapter() {
    Todo milk = fixture.add(ALICE, "Buy milk");

    ToolOutcome outcome =
        fixture.call(ALICE, "delete_task", "{'task_id':'" + milk.id() + "','confirm':true}");

    assertThat(outcome.error()).isTrue();
    assertThat(outcome.content()).contains("unknown argument confirm");
    assertThat(fixture.todos.find(ALICE, milk.id())).isPresent();
  }

  @Test
  void givenMatchingTasks_searchTasks_findsThemIncludingDoneOnes() {
    fixture.add(ALICE, "Buy milk");
    fixture.service.complete(ALICE, fixture.add(ALICE, "Return MILK bottles").id());
    fixture.add(ALICE, "Buy bread");

    ToolOutcome all = fixture.call(ALICE, "search_tasks", "{'query':' milk '}");
    ToolOutcome open = fixture.call(ALICE, "search_tasks", "{'query':'milk','status':'open'}");
    ToolOutcome none = fixture.call(ALICE, "search_tasks", "{'query':'cheese'}");

    assertThat(all.title()).isEqualTo("Found 2 tasks matching ‘milk’");
    assertThat(titles(json(all.content())))
        .containsExactlyInAnyOrder("Buy milk", "Return MILK bottles");
    assertThat(open.title()).isEqualTo("Found 1 open task matching ‘milk’");
    assertThat(none.title()).isEqualTo("No tasks match ‘cheese’");
    assertThat(json(none.content()).get("count").intValue()).isZero();
  }

  @Test
  void givenALongTitle_theTitle_quotesItShortened() {
    String title = "x".repeat(120);

    ToolOutcome outcome = fixture.call(ALICE, "add_task", "{'title':'" + title + "'}");

    assertThat(outcome.title()).isEqualTo("Added task ‘" + "x".repeat(79) + "…’");
  }

  private static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("tasks").forEach(t -> ids.add(t.get("id").stringValue()));
    return ids;
  }

  private static List<String> titles(JsonNode result) {
    List<String> titles = new ArrayList<>();
    result.get("tasks").forEach(t -> titles.add(t.get("title").stringValue()));
    return titles;
  }
}
