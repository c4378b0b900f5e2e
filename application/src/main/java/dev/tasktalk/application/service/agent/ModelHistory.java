package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.service.agent.ToolLog.LoggedCall;
import dev.tasktalk.application.service.agent.ToolLog.Result;
import dev.tasktalk.application.service.agent.ToolLog.Round;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A thread's stored items (oldest first) as the conversation a model sees: user messages, assistant
 * answers, tool calls with their results rebuilt from the hidden records, and the note a stopped or
 * cut-off answer left. Widgets, workflows and end-of-turn markers are for people and are left out.
 * The history is cut to a character budget from the oldest end, a tool call never apart from its
 * results, and the last user message and what follows it are always kept.
 */
final class ModelHistory {

  /**
   * What the model learns about a call whose confirmation never came (a new message superseded it).
   */
  static final String NOT_CONFIRMED = "{\"cancelled\":true,\"message\":\"not confirmed\"}";

  private ModelHistory() {}

  static List<ModelMessage> of(List<ThreadItem> items, int budget) {
    Map<String, String> lateResults = new HashMap<>();
    Set<String> narrated = new HashSet<>();
    for (ThreadItem item : items) {
      ToolLog.read(item)
          .ifPresent(
              entry -> {
                if (entry instanceof Result result && result.result() != null) {
                  lateResults.put(result.callId(), result.result());
                } else if (entry instanceof Round round && round.messageId() != null) {
                  narrated.add(round.messageId());
                }
              });
    }
    List<Block> blocks = new ArrayList<>();
    for (ThreadItem item : items) {
      switch (item.type()) {
        case USER_MESSAGE ->
            blocks.add(new Block(true, List.of(new ModelMessage.User(MessageText.user(item)))));
        case ASSISTANT_MESSAGE -> {
          String text = MessageText.assistant(item);
          // Text said before tool calls is kept with them in the round, in the order the model
          // produced it.
          if (!narrated.contains(item.id().value()) && !text.isBlank()) {
            blocks.add(
                new Block(false, List.of(new ModelMessage.Assistant(text, List.of(), null))));
          }
        }
        case HIDDEN_CONTEXT ->
            ToolLog.read(item)
                .ifPresent(
                    entry -> {
                      if (entry instanceof Round round && !round.calls().isEmpty()) {
                        blocks.add(new Block(false, round(round, lateResults)));
                      }
                    });
        case SDK_HIDDEN_CONTEXT -> {
          String note = Json.parseObject(item.payload()).path("content").stringValue();
          if (note != null && !note.isBlank()) {
            blocks.add(new Block(false, List.of(new ModelMessage.System(note))));
          }
        }
        default -> {}
      }
    }
    return cut(blocks, budget);
  }

  /**
   * The assistant message with the calls, then one result per call, pending ones answered "not
   * confirmed".
   */
  private static List<ModelMessage> round(Round round, Map<String, String> lateResults) {
    List<ModelMessage> messages = new ArrayList<>();
    List<ToolCall> calls = round.calls().stream().map(LoggedCall::call).toList();
    messages.add(
        new ModelMessage.Assistant(
            round.text() == null ? "" : round.text(), calls, round.reasoning()));
    for (LoggedCall call : round.calls()) {
      String result =
          call.result() != null
              ? call.result()
              : lateResults.getOrDefault(call.id(), NOT_CONFIRMED);
      messages.add(new ModelMessage.ToolResult(call.id(), call.name(), result));
    }
    return messages;
  }

  private static List<ModelMessage> cut(List<Block> blocks, int budget) {
    int lastUser = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).user()) {
        lastUser = i;
      }
    }
    int keepFrom = lastUser >= 0 ? lastUser : Math.max(blocks.size() - 1, 0);
    long total = blocks.stream().mapToLong(Block::size).sum();
    int first = 0;
    while (first < keepFrom && total > budget) {
      total -= blocks.get(first).size();
      first++;
    }
    return blocks.subList(first, blocks.size()).stream()
        .flatMap(block -> block.messages().stream())
        .toList();
  }

  /** Messages that stay together; {@code user} marks a user message. */
  private record Block(boolean user, List<ModelMessage> messages) {

    long size() {
      return messages.stream().mapToLong(ModelHistory::size).sum();
    }
  }

  static long size(ModelMessage message) {
    if (message instanceof ModelMessage.User user) {
      return length(user.text());
    } else if (message instanceof ModelMessage.Assistant assistant) {
      return length(assistant.text())
          + length(assistant.reasoning())
          + assistant.toolCalls().stream()
              .mapToLong(call -> length(call.name()) + length(call.arguments()))
              .sum();
    } else if (message instanceof ModelMessage.ToolResult result) {
      return length(result.content());
    } else if (message instanceof ModelMessage.System system) {
      return length(system.text());
    }
    return 0;
  }

  private static long length(String text) {
    return text == null ? 0 : text.length();
  }
}
