package dev.tasktalk.bootstrap.wiring;

import dev.tasktalk.adapter.out.llm.ModelProviderAdapters;
import dev.tasktalk.adapter.out.llm.offline.OfflineLanguageModel;
import dev.tasktalk.adapter.out.llm.scripted.ScriptedResponder;
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
import dev.tasktalk.application.service.agent.AgentResponder;
import dev.tasktalk.application.service.agent.AgentSettings;
import dev.tasktalk.application.tools.TaskToolbox;
import dev.tasktalk.application.tools.Toolbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Wires the assistant: the configured OpenAI-compatible model (or the offline model when none is
 * configured), the task tools shared with MCP, and the agent that runs turns over them.
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

  /** The agent; the protocol tests put the scripted responder in front of it. */
  @Produces
  @ApplicationScoped
  Responder responder(LanguageModel model, Toolbox toolbox) {
    Responder agent = new AgentResponder(model, toolbox, approvals, items, clock, AgentSettings.defaults(),
        turn -> runs.recordUsage(turn.owner(), turn.threadId(), turn.model(), turn.inputTokens(),
            turn.outputTokens(), turn.firstToken()));
    return "scripted".equalsIgnoreCase(settings.responder()) ? new ScriptedResponder(clock, agent) : agent;
  }
}
