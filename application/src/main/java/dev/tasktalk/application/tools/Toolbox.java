package dev.tasktalk.application.tools;

import java.util.List;

/**
 * The task tools, shared by the agent and the MCP server. Calls always act for {@link
 * ToolContext#owner()}; every call is recorded.
 */
public interface Toolbox {

  List<ToolSpec> specs();

  /**
   * Runs a tool; unknown tools and invalid arguments come back as error outcomes, never exceptions.
   */
  ToolOutcome call(ToolContext context, String name, String arguments);

  /**
   * The question a confirmation widget asks before a destructive call, naming its target, e.g.
   * "Delete task ‘Buy milk’?"; an error outcome when the call cannot run (no such task).
   */
  ToolOutcome describe(ToolContext context, String name, String arguments);
}
