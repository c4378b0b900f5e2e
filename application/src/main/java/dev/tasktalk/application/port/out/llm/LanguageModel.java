package dev.tasktalk.application.port.out.llm;

import io.smallrye.mutiny.Multi;

/**
 * A chat model that streams: text as it is generated, then the tool calls it wants (each complete),
 * then how it finished. Cancelling the subscription must abort the underlying call.
 *
 * <p>Failures arrive as a {@link LanguageModelException} on the stream, never as provider types.
 */
public interface LanguageModel {

  Multi<ModelEvent> stream(ModelRequest request);

  /**
   * The model's name as runs should record it (e.g. {@code gpt-4.1-mini}, {@code
   * tasktalk-offline}).
   */
  String modelName();
}
