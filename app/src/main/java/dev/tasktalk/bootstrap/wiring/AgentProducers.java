package dev.tasktalk.bootstrap.wiring;

import dev.tasktalk.adapter.out.llm.ModelProviderAdapters;
import dev.tasktalk.adapter.out.llm.offline.OfflineLanguageModel;
import dev.tasktalk.adapter.out.mcp.ExternalMcpServers;
import dev.tasktalk.adapter.out.mcp.RemoteMcpHealth;
import dev.tasktalk.application.port.in.todo.AddTodoUseCase;
import dev.tasktalk.application.port.in.todo.CompleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.UpdateTodoUseCase;
import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.port.out.persistence.ToolCallRepository;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.service.agent.AgentProfile;
import dev.tasktalk.application.service.agent.AgentResponder;
import dev.tasktalk.application.service.agent.AgentSettings;
import dev.tasktalk.application.tools.CompositeToolbox;
import dev.tasktalk.application.tools.TaskToolbox;
import dev.tasktalk.application.tools.Toolbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wires the assistant: the configured OpenAI-compatible model (or the offline model when none is
 * configured), the task tools shared with MCP, external MCP tool servers ({@code MCP_SERVERS}), and
 * the agent that runs turns over them.
 */
@ApplicationScoped
public class AgentProducers {

  @Inject AddTodoUseCase add;
  @Inject GetTodoUseCase get;
  @Inject ListTodosUseCase list;
  @Inject UpdateTodoUseCase update;
  @Inject CompleteTodoUseCase complete;
  @Inject DeleteTodoUseCase delete;
  @Inject ToolCallRepository toolCalls;
  @Inject ApprovalRepository approvals;
  @Inject ThreadItemRepository items;
  @Inject RunRepository runs;
  @Inject ModelProviderAdapters providers;
  @Inject TasktalkSettings settings;
  @Inject Clock clock;

  @Produces
  @ApplicationScoped
  Toolbox toolbox() {
    return new TaskToolbox(add, get, list, update, complete, delete, toolCalls, clock);
  }

  @Produces
  @ApplicationScoped
  LanguageModel languageModel() {
    return providers.languageModel(settings::get).orElseGet(() -> new OfflineLanguageModel(clock));
  }

  private ExternalMcpServers external;

  @PostConstruct
  void connectExternalServers() {
    external = ExternalMcpServers.parse(settings.get(ExternalMcpServers.VARIABLE).orElse(""));
  }

  @PreDestroy
  void disconnectExternalServers() {
    external.close();
  }

  /** What the external MCP tool servers last looked like, for the health report. */
  public List<RemoteMcpHealth> externalMcpHealth() {
    return external.health();
  }

  /**
   * The agent, holding the task tools plus the tools of the external MCP servers (namespaced {@code
   * server__tool}; destructive ones are confirmed like ours). Only the agent sees them: the shared
   * Toolbox bean, which our own /mcp publishes, stays the seven task tools. Public so that a test
   * deployment's alternative producer can wrap the agent it builds.
   */
  @Produces
  @ApplicationScoped
  public Responder responder(LanguageModel model, Toolbox toolbox) {
    // Bounded by the client timeouts and done in parallel; a server that is down now is skipped.
    List<String> remoteTools = external.isEmpty() ? List.of() : external.refresh();
    Toolbox tools =
        external.isEmpty()
            ? toolbox
            : new CompositeToolbox(toolbox, external.toolboxes(), toolCalls, clock);
    AgentSettings defaults = AgentSettings.defaults();
    AgentSettings agents =
        new AgentSettings(
            defaults.maxSteps(),
            defaults.historyBudget(),
            defaults.agents().stream()
                .map(
                    a ->
                        new AgentProfile(
                            a.name(),
                            a.instructions(),
                            Stream.concat(a.toolNames().stream(), remoteTools.stream()).toList(),
                            a.handoffs()))
                .toList());
    return new AgentResponder(
        model,
        tools,
        approvals,
        items,
        clock,
        agents,
        turn ->
            runs.recordUsage(
                turn.owner(),
                turn.threadId(),
                turn.model(),
                turn.inputTokens(),
                turn.outputTokens(),
                turn.firstToken()));
  }
}
