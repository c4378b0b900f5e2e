package dev.tasktalk.application.port.out.llm;

/**
 * What a streaming model produces, in order: text and reasoning deltas, tool calls, then the
 * finish.
 */
public sealed interface ModelEvent {

  /** A piece of the answer's text. */
  record TextDelta(String text) implements ModelEvent {}

  /** A piece of the model's reasoning (kept to pass back to providers that require it). */
  record ReasoningDelta(String text) implements ModelEvent {}

  /** A complete tool call, emitted once all its fragments have arrived. */
  record ToolCallRequested(ToolCall call) implements ModelEvent {}

  /**
   * The end of the response: why it stopped ({@code stop}, {@code tool_calls}, {@code length}, …)
   * and token usage when the provider reported it (null otherwise).
   */
  record Finished(String reason, Long inputTokens, Long outputTokens) implements ModelEvent {}
}
