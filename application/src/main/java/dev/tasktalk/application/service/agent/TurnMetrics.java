package dev.tasktalk.application.service.agent;

import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Duration;

/**
 * What one turn of the assistant cost, handed out when it ends (completed, failed or stopped): the
 * model, tokens summed over its model calls (null when the provider reported none), the time from
 * the turn's start to the first answer text (null without text), and how many model and tool calls
 * it made.
 */
public record TurnMetrics(
    UserId owner,
    ThreadId threadId,
    String model,
    Long inputTokens,
    Long outputTokens,
    Duration firstToken,
    int modelCalls,
    int toolCalls) {}
