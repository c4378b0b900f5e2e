package dev.tasktalk.application.port.out.llm;

import java.util.Objects;

/** A tool offered to a model: its name, what it does, and its arguments as a JSON Schema text. */
public record ToolDefinition(String name, String description, String parametersSchema) {

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parametersSchema, "parametersSchema");
  }
}
