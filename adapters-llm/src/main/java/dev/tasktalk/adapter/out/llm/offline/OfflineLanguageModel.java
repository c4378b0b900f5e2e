package dev.tasktalk.adapter.out.llm.offline;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.application.port.out.llm.ToolDefinition;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The model Tasktalk runs on when no real one is configured: rule-based and deterministic, labelled
 * as such in its help. It reads the latest user message and this turn's tool results, and answers
 * exactly like a streaming provider — text deltas or one tool call, then the finish — so the agent
 * loop, tool execution and confirmations run unchanged. Requests without tools whose instructions
 * ask for a title get a short thread title.
 */
public final class OfflineLanguageModel implements LanguageModel {

  public static final String NAME = "tasktalk-offline";

  private final CommandParser parser;
  private final FollowUps followUps;
  private final Titles titles;

  public OfflineLanguageModel(Clock clock) {
    this.parser = new CommandParser(new DatePhrases(Objects.requireNonNull(clock, "clock")));
    this.followUps = new FollowUps(parser);
    this.titles = new Titles(parser);
  }

  @Override
  public Multi<ModelEvent> stream(ModelRequest request) {
    try {
      Conversation conversation = new Conversation(request.messages());
      return Multi.createFrom()
          .iterable(ModelOutput.events(next(conversation, request.tools()), conversation));
    } catch (RuntimeException e) {
      return Multi.createFrom()
          .failure(
              new LanguageModelException(
                  LanguageModelException.Kind.BAD_RESPONSE,
                  false,
                  "The offline assistant could not handle that message.",
                  e));
    }
  }

  @Override
  public String modelName() {
    return NAME;
  }

  private Step next(Conversation conversation, List<ToolDefinition> tools) {
    if (tools.isEmpty() && conversation.systemText().toLowerCase(Locale.ROOT).contains("title")) {
      return new Step.Reply(titles.title(conversation.firstUserText().orElse("")));
    }
    if (HelpReplies.isUrdu(conversation.lastUserText())) {
      return new Step.Reply(HelpReplies.urdu());
    }
    Step step = NextStep.decide(followUps.latest(conversation), conversation.currentSteps());
    if (step instanceof Step.Call call
        && tools.stream().noneMatch(tool -> tool.name().equals(call.tool()))) {
      return new Step.Reply(OfflineReplies.toolUnavailable(call.tool()));
    }
    return step;
  }
}
