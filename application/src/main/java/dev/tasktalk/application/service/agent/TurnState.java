package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a turn knows and changes as it goes: whose thread it is, the conversation the model sees
 * (which grows with each step), the agent answering (which a handoff changes), the open workflow,
 * the items it makes and what it costs.
 */
final class TurnState {

  private final UserId owner;
  private final ChatThread thread;
  private final TurnItems items;
  private final Workflow workflow;
  private final Meter meter;
  private final List<ModelMessage> conversation;
  private final Map<String, ToolSpec> specs;
  private final String firstUserText;
  private final AgentProfile orchestrator;
  private AgentProfile agent;

  TurnState(
      UserId owner,
      ChatThread thread,
      TurnItems items,
      Meter meter,
      List<ModelMessage> conversation,
      Map<String, ToolSpec> specs,
      String firstUserText,
      AgentProfile orchestrator,
      AgentProfile agent) {
    this.owner = owner;
    this.thread = thread;
    this.items = items;
    this.workflow = new Workflow(items);
    this.meter = meter;
    this.conversation = new ArrayList<>(conversation);
    this.specs = Map.copyOf(specs);
    this.firstUserText = firstUserText;
    this.orchestrator = orchestrator;
    this.agent = agent;
  }

  /** Switches the answering agent and shows the handoff as a workflow task. */
  List<ThreadEvent> handOff(AgentProfile target) {
    agent = target;
    return workflow.add(
        ItemJson.task("Handed off to " + target.name(), "complete", null, null, null), false);
  }

  /** Closes the open workflow, naming the answering agent when it is not the orchestrator. */
  List<ThreadEvent> closeWorkflow() {
    return workflow.close(agent.name().equals(orchestrator.name()) ? null : agent.name());
  }

  ToolContext toolContext() {
    return new ToolContext(owner, ToolContext.AGENT, thread.id(), null);
  }

  UserId owner() {
    return owner;
  }

  ChatThread thread() {
    return thread;
  }

  TurnItems items() {
    return items;
  }

  Workflow workflow() {
    return workflow;
  }

  Meter meter() {
    return meter;
  }

  List<ModelMessage> conversation() {
    return conversation;
  }

  Map<String, ToolSpec> specs() {
    return specs;
  }

  String firstUserText() {
    return firstUserText;
  }

  AgentProfile agent() {
    return agent;
  }
}
