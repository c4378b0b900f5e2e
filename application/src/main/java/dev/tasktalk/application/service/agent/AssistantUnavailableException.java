package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.domain.shared.UnavailableException;

/**
 * The model could not answer for a reason that may pass (unreachable, rate limited, overloaded, too
 * slow): the person sees the message with a retry button.
 */
public class AssistantUnavailableException extends UnavailableException {

  private final LanguageModelException.Kind kind;

  public AssistantUnavailableException(LanguageModelException.Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public LanguageModelException.Kind kind() {
    return kind;
  }
}
