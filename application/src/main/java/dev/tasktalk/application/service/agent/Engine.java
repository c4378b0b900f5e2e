package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.persistence.ApprovalRepository;
import dev.tasktalk.application.tools.Toolbox;
import java.time.Clock;

/**
 * What every turn of the assistant shares: the model, the tools, the approvals, the clock and the
 * settings.
 */
record Engine(
    LanguageModel model,
    Toolbox toolbox,
    ApprovalRepository approvals,
    Clock clock,
    AgentSettings settings) {}
