package dev.tasktalk.application.tools;

import dev.tasktalk.application.port.in.todo.AddTodoCommand;
import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.application.service.todo.TodoService;
import dev.tasktalk.application.testing.InMemoryTodoChanges;
import dev.tasktalk.application.testing.InMemoryTodoRepository;
import dev.tasktalk.application.testing.InMemoryToolCallRepository;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link TaskToolbox} over the in-memory task store and tool-call record, with a clock that moves
 * {@link #STEP} each time the toolbox reads it, so recorded durations are exact.
 */
final class ToolboxFixture {

  static final UserId ALICE = new UserId("alice");
  static final UserId BOB = new UserId("bob");
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Duration STEP = Duration.ofMillis(7);
  static final ThreadId THREAD = new ThreadId("thr_0123456789abcdef");
  static final UUID RUN = UUID.fromString("5b0a3e1c-2d4f-4a6b-8c9d-0e1f2a3b4c5d");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  final InMemoryTodoRepository todos = new InMemoryTodoRepository();
  final TodoService service =
      new TodoService(todos, new InMemoryTodoChanges(), Clock.fixed(NOW, ZoneOffset.UTC));
  final InMemoryToolCallRepository calls = new InMemoryToolCallRepository();
  final TaskToolbox toolbox;

  ToolboxFixture() {
    this.toolbox = toolboxRecordingIn(calls);
  }

  TaskToolbox toolboxRecordingIn(ToolCallRepository repository) {
    return new TaskToolbox(
        service, service, service, service, service, service, repository, new SteppingClock());
  }

  static ToolContext agent(UserId owner) {
    return new ToolContext(owner, ToolContext.AGENT, THREAD, RUN);
  }

  static ToolContext mcp(UserId owner) {
    return new ToolContext(owner, ToolContext.MCP, null, null);
  }

  /**
   * Calls the tool as an agent in a chat, with arguments written with single quotes for
   * readability.
   */
  ToolOutcome call(UserId owner, String tool, String arguments) {
    return toolbox.call(agent(owner), tool, quotes(arguments));
  }

  Todo add(UserId owner, String title) {
    return service.add(new AddTodoCommand(owner, title, null, null, null, List.of()));
  }

  static String quotes(String arguments) {
    return arguments == null ? null : arguments.replace('\'', '"');
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** Starts at {@link #NOW} and moves {@link #STEP} after each reading. */
  private static final class SteppingClock extends Clock {

    private Instant next = NOW;

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      next = next.plus(STEP);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
