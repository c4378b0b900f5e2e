package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The seven task tools by name, {@code delete_task} destructive, answering with scripted outcomes
 * (by default {@code {"ok":true}} titled "Ran <name>") and recording every call and description
 * asked.
 */
final class FakeToolbox implements Toolbox {

  record Call(ToolContext context, String name, String arguments) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Call> descriptions = new CopyOnWriteArrayList<>();
  private final Map<String, Function<String, ToolOutcome>> outcomes = new HashMap<>();
  private final List<ToolSpec> extras = new CopyOnWriteArrayList<>();
  private Function<String, ToolOutcome> description =
      arguments -> new ToolOutcome(false, "{}", "Delete task ‘Buy milk’?");

  FakeToolbox answer(String tool, ToolOutcome outcome) {
    outcomes.put(tool, arguments -> outcome);
    return this;
  }

  /** Adds a tool after the seven, such as another destructive one. */
  FakeToolbox with(ToolSpec extra) {
    extras.add(extra);
    return this;
  }

  FakeToolbox describeAs(ToolOutcome outcome) {
    description = arguments -> outcome;
    return this;
  }

  @Override
  public List<ToolSpec> specs() {
    return java.util.stream.Stream.concat(
            AgentSettings.TASK_TOOLS.stream()
                .map(
                    name ->
                        new ToolSpec(
                            name,
                            "Does " + name,
                            "{\"type\":\"object\"}",
                            null,
                            name.startsWith("list") || name.startsWith("get"),
                            name.equals("delete_task"),
                            false)),
            extras.stream())
        .toList();
  }

  @Override
  public ToolOutcome call(ToolContext context, String name, String arguments) {
    calls.add(new Call(context, name, arguments));
    return outcomes
        .getOrDefault(name, args -> new ToolOutcome(false, "{\"ok\":true}", "Ran " + name))
        .apply(arguments);
  }

  @Override
  public ToolOutcome describe(ToolContext context, String name, String arguments) {
    descriptions.add(new Call(context, name, arguments));
    return description.apply(arguments);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> descriptions() {
    return List.copyOf(descriptions);
  }
}
