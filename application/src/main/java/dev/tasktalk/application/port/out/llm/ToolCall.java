package dev.tasktalk.application.port.out.llm;

import java.util.Objects;

/**
 * A complete tool call a model made: its id, the tool's name and the arguments as JSON text, and
 * what the provider sent with it that the next request must echo. {@code providerId} is the
 * provider's own id for the call when it differs from {@code id} (a provider that repeats {@code
 * call_0}; null when the same or none), and {@code providerData} the extra fields it sent with the
 * call as one JSON object's text, such as Gemini's thought signature (null when none). Both are
 * stored with the call's thread item, so a later turn on any instance, or after a restart, sends
 * them back.
 */
public record ToolCall(
    String id, String name, String arguments, String providerId, String providerData) {

  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    providerId =
        providerId == null || providerId.isEmpty() || providerId.equals(id) ? null : providerId;
    providerData = providerData == null || providerData.isBlank() ? null : providerData;
  }

  /** A call the provider knows by {@code id} and sent nothing else with. */
  public ToolCall(String id, String name, String arguments) {
    this(id, name, arguments, null, null);
  }

  /** The id the provider knows the call by: its own when it gave another, else {@code id}. */
  public String wireId() {
    return providerId == null ? id : providerId;
  }
}
