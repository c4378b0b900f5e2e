package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.LanguageModelException.Kind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns a model failure into the domain exception the ChatKit pipeline shows as a {@code custom}
 * error: passing failures become {@link AssistantUnavailableException} (an {@code
 * UnavailableException}, so {@code allow_retry} is true), lasting ones {@link
 * AssistantFailedException} ({@code allow_retry} false). The person reads the model exception's
 * message (with the reference an adapter may have added); its {@link
 * LanguageModelException#detail() detail} is for the server log and is never passed on.
 */
final class ModelFailures {

  private static final Set<Kind> PASSING =
      EnumSet.of(Kind.UNREACHABLE, Kind.RATE_LIMITED, Kind.SERVER, Kind.TIMEOUT);

  private ModelFailures() {}

  static Throwable translate(Throwable failure) {
    if (!(failure instanceof LanguageModelException model)) {
      return failure;
    }
    Kind kind = model.kind() == null ? Kind.BAD_RESPONSE : model.kind();
    String message =
        model.getMessage() == null || model.getMessage().isBlank()
            ? defaultMessage(kind)
            : model.getMessage();
    // A garbled answer is the one kind whose outlook the adapter knows better than the kind does.
    boolean passing = PASSING.contains(kind) || (kind == Kind.BAD_RESPONSE && model.retryable());
    return passing
        ? new AssistantUnavailableException(kind, message)
        : new AssistantFailedException(kind, message);
  }

  private static String defaultMessage(Kind kind) {
    return switch (kind) {
      case UNREACHABLE -> "The assistant's model can't be reached right now. Please try again.";
      case RATE_LIMITED ->
          "The assistant is getting too many requests. Please try again in a moment.";
      case SERVER -> "The assistant's model had a problem. Please try again.";
      case TIMEOUT -> "The assistant's model took too long to answer. Please try again.";
      case AUTHENTICATION ->
          "The assistant's model rejected its credentials. Ask the administrator to check the API"
              + " key.";
      case QUOTA ->
          "The assistant's model has no quota left. Ask the administrator to check the account.";
      case CONTEXT_TOO_LONG ->
          "This conversation is too long for the assistant. Please start a new chat.";
      case BAD_REQUEST -> "The assistant's model rejected the request.";
      case BAD_RESPONSE -> "The assistant's model sent an answer that could not be read.";
    };
  }
}
