package dev.tasktalk.adapter.out.mcp;

import java.util.List;
import java.util.Map;

/**
 * A connection to one external MCP server in whichever protocol era it speaks, in neither SDK's
 * types: a page of tools and the result of a call. A JSON-RPC error from the server is thrown as
 * {@link Refusal}; any other exception means the server did not answer.
 */
interface RemoteConnection extends AutoCloseable {

  /** The protocol revision in use, e.g. {@code 2026-07-28} or {@code 2025-11-25}. */
  String revision();

  Page listTools(String cursor);

  Result callTool(String name, Map<String, Object> arguments);

  @Override
  void close();

  /** One tool as the server describes it. */
  record Tool(
      String name,
      String title,
      String description,
      Object inputSchema,
      Object outputSchema,
      Boolean readOnlyHint,
      Boolean destructiveHint,
      Boolean idempotentHint,
      String hintTitle) {}

  record Page(List<Tool> tools, String nextCursor) {}

  /**
   * A call's result: whether it failed, its structured content (or null) and its content as text.
   */
  record Result(boolean isError, Object structuredContent, String text) {}

  /** The server answered with a JSON-RPC error (the call was refused, the server is fine). */
  final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Refusal(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
