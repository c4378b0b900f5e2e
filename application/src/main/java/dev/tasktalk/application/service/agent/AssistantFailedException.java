package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.domain.shared.DomainException;

/**
 * The model refused the call for a reason that trying again will not fix (bad key, no quota, a
 * request it rejects, a conversation too long): the person sees the message without a retry button.
 */
public class AssistantFailedException extends DomainException {

  private final LanguageModelException.Kind kind;

  public AssistantFailedException(LanguageModelException.Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public LanguageModelException.Kind kind() {
    return kind;
  }
}
