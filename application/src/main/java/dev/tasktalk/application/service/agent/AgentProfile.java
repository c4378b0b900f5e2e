package dev.tasktalk.application.service.agent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One assistant persona, as in the Agents SDK: its name, its instructions, the tools it may call
 * and the agents (by name) it may hand the conversation to through a synthetic {@code
 * transfer_to_…} tool.
 */
public record AgentProfile(
    String name, String instructions, List<String> toolNames, List<String> handoffs) {

  public AgentProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(instructions, "instructions");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an agent needs a name");
    }
    toolNames = List.copyOf(toolNames);
    handoffs = List.copyOf(handoffs);
  }

  /**
   * The synthetic tool that hands the conversation to {@code target}, e.g. {@code
   * transfer_to_urdu_specialist}.
   */
  public static String handoffTool(String target) {
    String slug =
        target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return "transfer_to_" + slug;
  }
}
