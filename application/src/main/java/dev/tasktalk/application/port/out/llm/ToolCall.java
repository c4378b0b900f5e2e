package dev.tasktalk.application.port.out.llm;

import java.util.Objects;

/** A complete tool call a model made: its id, the tool's name and the arguments as JSON text. */
public record ToolCall(String id, String name, String arguments) {

  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
  }
}
