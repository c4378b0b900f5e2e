package dev.tasktalk.application.tools;

import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who calls a tool and from where: the authenticated owner (never an argument), the surface ({@code
 * agent} or {@code mcp}) and, in a chat, the thread and run.
 */
public record ToolContext(UserId owner, String surface, ThreadId threadId, UUID runId) {

  public static final String AGENT = "agent";
  public static final String MCP = "mcp";

  public ToolContext {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(surface, "surface");
  }
}
