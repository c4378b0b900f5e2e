package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.ToolboxFixture.ALICE;
import static dev.tasktalk.application.tools.ToolboxFixture.json;
import static dev.tasktalk.application.tools.ToolboxFixture.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.domain.todo.Todo;
import org.junit.jupiter.api.Test;

/** The question a confirmation asks before a call runs, naming what the call would act on. */
class TaskToolboxDescribeTest {

  private final ToolboxFixture fixture = new ToolboxFixture();

  private ToolOutcome describe(String tool, String arguments) {
    return fixture.toolbox.describe(ToolboxFixture.agent(ALICE), tool, quotes(arguments));
  }

  @Test
  void givenATask_describeDelete_asksAboutItByTitle_andDeletesNothing() {
    Todo milk = fixture.add(ALICE, "Buy milk");

    ToolOutcome question = describe("delete_task", "{'task_id':'" + milk.id() + "'}");

    assertThat(question.error()).isFalse();
    assertThat(question.title()).isEqualTo("Delete task ‘Buy milk’?");
    assertThat(json(question.content()).at("/task/id").stringValue())
        .isEqualTo(milk.id().toString());
    assertThat(json(question.content()).at("/task/title").stringValue()).isEqualTo("Buy milk");
    assertThat(fixture.todos.find(ALICE, milk.id())).isPresent();
  }

  @Test
  void givenNoSuchTask_describeDelete_isAnError() {
    ToolOutcome question =
        describe("delete_task", "{'task_id':'7d7f3c1e-8f7e-4a8e-9a43-5d1c2b3a4f5e'}");

    assertThat(question.error()).isTrue();
    assertThat(question.title()).isEqualTo("Couldn't delete task: no such task");
    assertThat(json(question.content()).get("error").stringValue())
        .startsWith("no task with id 7d7f3c1e");
  }

  @Test
  void givenBadArguments_describe_namesTheArgument() {
    ToolOutcome question = describe("delete_task", "{'task_id':'milk'}");

    assertThat(question.error()).isTrue();
    assertThat(json(question.content()).get("error").stringValue())
        .startsWith("task_id must be a task id");
  }

  @Test
  void givenOtherTools_describe_asksInTheirWords() {
    Todo milk = fixture.add(ALICE, "Buy milk");
    String id = "{'task_id':'" + milk.id() + "'}";

    assertThat(describe("add_task", "{'title':'Buy bread'}").title())
        .isEqualTo("Add task ‘Buy bread’?");
    assertThat(describe("list_tasks", "{}").title()).isEqualTo("List open tasks?");
    assertThat(describe("get_task", id).title()).isEqualTo("Read task ‘Buy milk’?");
    assertThat(
            describe("update_task", "{'task_id':'" + milk.id() + "','title':'Oat milk'}").title())
        .isEqualTo("Update task ‘Buy milk’?");
    assertThat(describe("complete_task", id).title()).isEqualTo("Complete task ‘Buy milk’?");
    assertThat(describe("search_tasks", "{'query':'milk'}").title())
        .isEqualTo("Search tasks for ‘milk’?");
    assertThat(describe("nope", "{}").error()).isTrue();
    assertThat(fixture.service.get(ALICE, milk.id()).completed()).isFalse();
  }
}
