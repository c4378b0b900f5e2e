package dev.tasktalk.application.port.in.todo;

import dev.tasktalk.application.port.out.events.TodoChanges;
import dev.tasktalk.domain.user.UserId;

/** Live updates of a user's task list, whichever instance (or tool, or MCP client) changed it. */
public interface WatchTodosUseCase {

  /** Runs {@code onChange} after each change to the owner's tasks until the watch is closed. */
  TodoChanges.Watch watch(UserId owner, Runnable onChange);
}
