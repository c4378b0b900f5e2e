package dev.tasktalk.application.port.out.llm;

import java.util.List;
import java.util.Objects;

/** One call to a model: the conversation so far and the tools it may call (none for titles). */
public record ModelRequest(List<ModelMessage> messages, List<ToolDefinition> tools) {

  public ModelRequest {
    messages = List.copyOf(messages);
    tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
  }
}
