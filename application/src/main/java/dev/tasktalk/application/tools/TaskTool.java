package dev.tasktalk.application.tools;

import dev.tasktalk.domain.user.UserId;

/**
 * One task tool behind {@link TaskToolbox}: its spec, and what it does with arguments already
 * checked against its input schema. Business refusals are thrown as domain exceptions; the toolbox
 * turns them into error outcomes.
 */
interface TaskTool {

  ToolSpec spec();

  /** What the tool does, for failure titles: "Couldn't <action>: ...", e.g. "add task". */
  String action();

  ToolOutcome run(UserId owner, ToolArguments arguments);

  /**
   * The question asked before running the call, naming its target, e.g. "Delete task ‘Buy milk’?".
   */
  ToolOutcome describe(UserId owner, ToolArguments arguments);
}
