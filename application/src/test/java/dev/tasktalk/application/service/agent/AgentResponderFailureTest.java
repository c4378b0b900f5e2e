package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.ScriptedModel.call;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.LanguageModelException.Kind;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.shared.ConflictException;
import dev.tasktalk.domain.shared.DomainException;
import dev.tasktalk.domain.shared.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgentResponderFailureTest {

  private final AgentFixture chat = new AgentFixture();

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"UNREACHABLE", "RATE_LIMITED", "SERVER", "TIMEOUT"})
  void givenAPassingModelFailure_theTurnFailsAsUnavailable_soThePersonMayRetry(Kind kind) {
    chat.model.failAfter(new LanguageModelException(kind, true, "The model is busy, try again."));

    Throwable failure = chat.playFailing(chat.respondTo("Hi"));

    // The ChatKit pipeline shows an UnavailableException's message with allow_retry true.
    assertThat(failure)
        .isInstanceOf(AssistantUnavailableException.class)
        .isInstanceOf(UnavailableException.class)
        .hasMessage("The model is busy, try again.");
    assertThat(((AssistantUnavailableException) failure).kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"AUTHENTICATION", "QUOTA", "BAD_REQUEST", "CONTEXT_TOO_LONG"})
  void givenALastingModelFailure_theTurnFailsWithoutRetry(Kind kind) {
    chat.model.failAfter(new LanguageModelException(kind, false, "Ask the administrator."));

    Throwable failure = chat.playFailing(chat.respondTo("Hi"));

    // Any other DomainException is shown with its message and allow_retry false.
    assertThat(failure)
        .isInstanceOf(AssistantFailedException.class)
        .isInstanceOf(DomainException.class)
        .isNotInstanceOf(UnavailableException.class)
        .isNotInstanceOf(ConflictException.class)
        .hasMessage("Ask the administrator.");
    assertThat(((AssistantFailedException) failure).kind()).isEqualTo(kind);
  }

  @Test
  void givenAGarbledAnswer_itsRetryableFlagDecides() {
    chat.model
        .failAfter(new LanguageModelException(Kind.BAD_RESPONSE, true, "Odd answer."))
        .failAfter(new LanguageModelException(Kind.BAD_RESPONSE, false, "Odd answer."));

    assertThat(chat.playFailing(chat.respondTo("Hi")))
        .isInstanceOf(AssistantUnavailableException.class);
    assertThat(chat.playFailing(chat.respondTo("Hi again")))
        .isInstanceOf(AssistantFailedException.class);
  }

  @Test
  void givenAFailureWithoutAMessage_thePersonStillReadsOne() {
    chat.model.failAfter(new LanguageModelException(Kind.TIMEOUT, true, null));

    assertThat(chat.playFailing(chat.respondTo("Hi")))
        .hasMessage("The assistant's model took too long to answer. Please try again.");
  }

  @Test
  void givenAFailureWithADetailForTheLog_thePersonReadsOnlyTheMessageAndItsReference() {
    chat.model.failAfter(
        new LanguageModelException(
            Kind.SERVER,
            true,
            "The model had a problem. (ref 0a1b2c3d)",
            "the model provider at llm.internal:8000 answered HTTP 502: <html>nginx</html> (ref"
                + " 0a1b2c3d)",
            null));

    Throwable failure = chat.playFailing(chat.respondTo("Hi"));

    assertThat(failure).hasMessage("The model had a problem. (ref 0a1b2c3d)");
  }

  @Test
  void givenAFailureAfterAToolRound_theRoundIsAlreadyStored() {
    chat.model
        .reply(call("call_1", "add_task", "{\"title\":\"Milk\"}"))
        .failAfter(new LanguageModelException(Kind.SERVER, true, "Down."), text("Partly"));

    Throwable failure = chat.playFailing(chat.respondTo("Add milk"));

    assertThat(failure).isInstanceOf(AssistantUnavailableException.class);
    assertThat(chat.stored(ItemType.HIDDEN_CONTEXT)).hasSize(1);
    assertThat(chat.metrics).singleElement().extracting(TurnMetrics::toolCalls).isEqualTo(1);
  }
}
