package dev.tasktalk.application.port.out.llm;

import java.util.List;
import java.util.Objects;

/** A message of the conversation as a model sees it (OpenAI chat roles). */
public sealed interface ModelMessage {

  /** Instructions for the model. */
  record System(String text) implements ModelMessage {}

  /** What the user wrote. */
  record User(String text) implements ModelMessage {}

  /**
   * What the model answered: text, the tool calls it made (possibly none), and its reasoning text
   * for providers that require it to be passed back (null otherwise).
   */
  record Assistant(String text, List<ToolCall> toolCalls, String reasoning)
      implements ModelMessage {

    public Assistant {
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /** The result of one tool call, answering the call with the same id. */
  record ToolResult(String callId, String name, String content) implements ModelMessage {

    public ToolResult {
      Objects.requireNonNull(callId, "callId");
    }
  }
}
