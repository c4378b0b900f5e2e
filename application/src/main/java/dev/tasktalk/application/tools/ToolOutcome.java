package dev.tasktalk.application.tools;

import java.util.Objects;

/**
 * What a tool call produced: {@code content} is JSON text for the model (and MCP's
 * structuredContent), {@code error} marks a failure the model can correct (bad arguments, no such
 * task), and {@code title} is what a person sees, such as "Added task ‘Buy milk’".
 */
public record ToolOutcome(boolean error, String content, String title) {

  public ToolOutcome {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(title, "title");
  }
}
