package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.ToolboxFixture.ALICE;
import static dev.tasktalk.application.tools.ToolboxFixture.NOW;
import static dev.tasktalk.application.tools.ToolboxFixture.RUN;
import static dev.tasktalk.application.tools.ToolboxFixture.THREAD;
import static dev.tasktalk.application.tools.ToolboxFixture.json;
import static dev.tasktalk.application.tools.ToolboxFixture.quotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.out.persistence.TodoFilter;
import dev.tasktalk.domain.agent.ToolCallRecord;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Every call leaves a record of who called what, from where, with which result and how long it
 * took.
 */
class TaskToolboxRecordsTest {

  private final ToolboxFixture fixture = new ToolboxFixture();

  @Test
  void givenAnAgentCall_call_recordsItInTheThreadAndRun() {
    ToolOutcome outcome = fixture.call(ALICE, "add_task", "{ 'title' : 'Buy milk' }");

    ToolCallRecord record = fixture.calls.last();
    assertThat(fixture.calls.records()).hasSize(1);
    assertThat(record.owner()).isEqualTo(ALICE);
    assertThat(record.surface()).isEqualTo("agent");
    assertThat(record.threadId()).isEqualTo(THREAD);
    assertThat(record.runId()).isEqualTo(RUN);
    assertThat(record.name()).isEqualTo("add_task");
    assertThat(record.arguments()).isEqualTo("{\"title\":\"Buy milk\"}");
    assertThat(record.result()).isEqualTo(outcome.content());
    assertThat(record.status()).isEqualTo("ok");
    assertThat(record.durationMillis()).isEqualTo(ToolboxFixture.STEP.toMillis());
    assertThat(record.at()).isEqualTo(NOW);
  }

  @Test
  void givenAnMcpCallThatFails_call_recordsTheErrorWithoutThreadOrRun() {
    ToolOutcome outcome =
        fixture.toolbox.call(ToolboxFixture.mcp(ALICE), "get_task", quotes("{'task_id':'x'}"));

    ToolCallRecord record = fixture.calls.last();
    assertThat(record.surface()).isEqualTo("mcp");
    assertThat(record.threadId()).isNull();
    assertThat(record.runId()).isNull();
    assertThat(record.status()).isEqualTo("error");
    assertThat(record.result()).isEqualTo(outcome.content());
  }

  @Test
  void givenArgumentsThatAreNotJson_call_recordsThemAsAJsonString() {
    fixture.toolbox.call(ToolboxFixture.mcp(ALICE), "add_task", "title=milk");
    fixture.toolbox.call(ToolboxFixture.mcp(ALICE), "list_tasks", null);

    assertThat(json(fixture.calls.records().get(0).arguments()).stringValue())
        .isEqualTo("title=milk");
    assertThat(fixture.calls.records().get(1).arguments()).isNull();
  }

  @Test
  void givenARecordThatCannotBeWritten_call_stillSucceeds() {
    TaskToolbox toolbox =
        fixture.toolboxRecordingIn(
            call -> {
              throw new IllegalStateException("database is down");
            });

    ToolOutcome outcome =
        toolbox.call(ToolboxFixture.agent(ALICE), "add_task", quotes("{'title':'Buy milk'}"));

    assertThat(outcome.error()).isFalse();
    assertThat(fixture.todos.list(ALICE, TodoFilter.all(), null, 10)).hasSize(1);
  }

  @Test
  void givenAnUnexpectedFailure_call_recordsItAndLetsItThrough() {
    ListTodosUseCase broken =
        query -> {
          throw new IllegalStateException("connection reset");
        };
    TaskToolbox toolbox =
        new TaskToolbox(
            fixture.service,
            fixture.service,
            broken,
            fixture.service,
            fixture.service,
            fixture.service,
            fixture.calls,
            Clock.systemUTC());

    assertThatThrownBy(() -> toolbox.call(ToolboxFixture.agent(ALICE), "list_tasks", "{}"))
        .hasMessage("connection reset");

    assertThat(fixture.calls.last().status()).isEqualTo("error");
    assertThat(fixture.calls.last().result())
        .isEqualTo("{\"error\":\"unexpected failure: IllegalStateException\"}");
  }

  @Test
  void givenADescribe_nothingIsRecorded() {
    fixture.toolbox.describe(ToolboxFixture.agent(ALICE), "list_tasks", "{}");

    assertThat(fixture.calls.records()).isEmpty();
  }
}
