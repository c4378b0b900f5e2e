package dev.tasktalk.application.service.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the assistant works: at most {@code maxSteps} model calls per turn, a history of at most
 * {@code historyBudget} characters sent to the model, and its agents, the first of which starts
 * every turn (the orchestrator).
 */
public record AgentSettings(int maxSteps, int historyBudget, List<AgentProfile> agents) {

  public static final int DEFAULT_MAX_STEPS = 8;
  public static final int DEFAULT_HISTORY_BUDGET = 24_000;
  public static final String ORCHESTRATOR = "Tasktalk";

  /**
   * The agent a message in Urdu script is handed to before the model is called, when the
   * orchestrator has it.
   */
  public static final String URDU_SPECIALIST = "Urdu specialist";

  public static final List<String> TASK_TOOLS =
      List.of(
          "add_task",
          "list_tasks",
          "get_task",
          "update_task",
          "complete_task",
          "delete_task",
          "search_tasks");

  public AgentSettings {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be positive");
    }
    if (historyBudget < 1) {
      throw new IllegalArgumentException("historyBudget must be positive");
    }
    agents = List.copyOf(agents);
    if (agents.isEmpty()) {
      throw new IllegalArgumentException("at least one agent is needed");
    }
    Set<String> names = new HashSet<>();
    agents.forEach(
        agent -> {
          if (!names.add(agent.name())) {
            throw new IllegalArgumentException("two agents are named " + agent.name());
          }
        });
    agents.forEach(
        agent ->
            agent
                .handoffs()
                .forEach(
                    target -> {
                      if (!names.contains(target)) {
                        throw new IllegalArgumentException(
                            agent.name() + " hands off to an unknown agent " + target);
                      }
                    }));
  }

  /**
   * Tasktalk with the seven task tools, handing Urdu to the Urdu specialist; 8 steps, 24,000
   * characters.
   */
  public static AgentSettings defaults() {
    AgentProfile orchestrator =
        new AgentProfile(
            ORCHESTRATOR,
            """
            You are Tasktalk, a friendly assistant that manages the user's todo tasks with the tools you have.
            Look tasks up before changing them and never invent tasks, ids or results. Deleting a task needs the
            user's confirmation, which the app asks for: just call the tool. Keep answers short.
            If the user writes in Urdu or asks for answers in Urdu, transfer the conversation to the Urdu specialist.\
            """,
            TASK_TOOLS,
            List.of(URDU_SPECIALIST));
    AgentProfile urdu =
        new AgentProfile(
            URDU_SPECIALIST,
            """
            You are Tasktalk's Urdu specialist, a friendly assistant that manages the user's todo tasks with the
            tools you have. Always answer in Urdu, written in Urdu script, whatever language the tasks are in; keep
            task titles as the user wrote them. Look tasks up before changing them and never invent tasks, ids or
            results. Deleting a task needs the user's confirmation, which the app asks for: just call the tool.
            Keep answers short.\
            """,
            TASK_TOOLS,
            List.of());
    return new AgentSettings(
        DEFAULT_MAX_STEPS, DEFAULT_HISTORY_BUDGET, List.of(orchestrator, urdu));
  }

  public AgentSettings withMaxSteps(int steps) {
    return new AgentSettings(steps, historyBudget, agents);
  }

  public AgentSettings withHistoryBudget(int characters) {
    return new AgentSettings(maxSteps, characters, agents);
  }

  /** The agent every turn starts with. */
  public AgentProfile orchestrator() {
    return agents.get(0);
  }

  public Optional<AgentProfile> agent(String name) {
    return agents.stream().filter(agent -> agent.name().equals(name)).findFirst();
  }
}
