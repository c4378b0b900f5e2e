package dev.tasktalk.adapter.in.mcp;

import dev.tasktalk.domain.user.UserId;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated owner of an MCP request as carried in the SDK's transport context; the host
 * puts it there from the HTTP principal, so tools never take the owner from their arguments.
 */
public final class McpCaller {

  static final String OWNER = "tasktalk.owner";

  private McpCaller() {}

  /** A transport context naming {@code owner}, or an empty one for an unauthenticated request. */
  public static McpTransportContext context(UserId owner) {
    return owner == null
        ? McpTransportContext.EMPTY
        : McpTransportContext.create(Map.of(OWNER, owner));
  }

  static Optional<UserId> owner(McpTransportContext context) {
    return context == null
        ? Optional.empty()
        : Optional.ofNullable(context.get(OWNER))
            .filter(UserId.class::isInstance)
            .map(UserId.class::cast);
  }
}
