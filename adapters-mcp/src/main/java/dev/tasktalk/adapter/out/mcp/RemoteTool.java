package dev.tasktalk.adapter.out.mcp;

import dev.tasktalk.application.tools.ToolSpec;

/**
 * A tool of an external MCP server as the agent sees it: the server's name for it ({@code
 * remoteName}), its namespaced {@link ToolSpec}, and how titles name it ({@code label}, e.g.
 * "‘Wipe’ on files").
 */
record RemoteTool(String remoteName, ToolSpec spec, String label) {

  static final String SEPARATOR = "__";
  static final int MAX_NAME = 64;
  private static final int MAX_DESCRIPTION = 1_000;

  /**
   * The tool as the agent sees it: named {@code <server>__<tool>}, described after the server's
   * name, its input schema passed through, and its hints mapped as MCP means them: {@code
   * destructive} counts as true when absent on a tool that is not read-only, so the agent asks
   * before calling it.
   */
  static RemoteTool of(String server, RemoteConnection.Tool tool) {
    boolean readOnly = Boolean.TRUE.equals(tool.readOnlyHint());
    boolean destructive = !readOnly && (tool.destructiveHint() == null || tool.destructiveHint());
    boolean idempotent = Boolean.TRUE.equals(tool.idempotentHint());
    String title =
        tool.title() != null && !tool.title().isBlank()
            ? tool.title()
            : tool.hintTitle() != null && !tool.hintTitle().isBlank()
                ? tool.hintTitle()
                : tool.name();
    String description =
        tool.description() == null || tool.description().isBlank() ? title : tool.description();
    description = "[" + server + " MCP server] " + description;
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
    String input =
        tool.inputSchema() == null
            ? "{\"type\":\"object\"}"
            : RemoteOutcomes.write(tool.inputSchema());
    String output = tool.outputSchema() == null ? null : RemoteOutcomes.write(tool.outputSchema());
    String label = "‘" + title + "’ on " + server;
    ToolSpec spec =
        new ToolSpec(
            namespaced(server, tool.name()),
            description,
            input,
            output,
            readOnly,
            destructive,
            idempotent,
            "run " + label);
    return new RemoteTool(tool.name(), spec, label);
  }

  /**
   * {@code <server>__<tool>} with every character outside {@code [A-Za-z0-9_-]} as {@code _}, at
   * most 64 long.
   */
  static String namespaced(String server, String tool) {
    String name = (server + SEPARATOR + tool).replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
