package dev.tasktalk.adapter.out.llm.openai;

import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.AUTHENTICATION;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.BAD_REQUEST;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.BAD_RESPONSE;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.CONTEXT_TOO_LONG;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.QUOTA;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.RATE_LIMITED;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.SERVER;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.TIMEOUT;
import static dev.tasktalk.application.port.out.llm.LanguageModelException.Kind.UNREACHABLE;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.LanguageModelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Turns HTTP statuses, provider error objects and I/O failures into {@link LanguageModelException}s
 * with two texts: a message a person can read (what happened, and at most which setting to check),
 * which never names the provider's host, never quotes what it sent and never shows the API key; and
 * a detail for the server log with the host, the status and the provider's own words (key masked).
 */
final class ErrorMapper {

  /** How far a call got when it failed, which decides what a timeout means. */
  enum Phase {
    CONNECTING,
    WAITING,
    STREAMING
  }

  // vLLM and others report an overflowing prompt only in the message text.
  private static final Pattern CONTEXT_OVERFLOW =
      Pattern.compile(
          "context[ _-]?(length|window)|maximum context|too many tokens|prompt is too long|input is"
              + " too long|reduce the length");

  private final ModelSettings settings;
  private final HttpUrl endpoint;
  private final Duration connectTimeout;

  ErrorMapper(ModelSettings settings, HttpUrl endpoint, Duration connectTimeout) {
    this.settings = settings;
    this.endpoint = endpoint;
    this.connectTimeout = connectTimeout;
  }

  LanguageModelException fromStatus(int status, String body) {
    return fromStatus(status, ProviderError.fromBody(body));
  }

  LanguageModelException fromStatus(int status, ProviderError error) {
    String http =
        "the model provider at "
            + host()
            + " answered HTTP "
            + status
            + error.describe(key()).map(m -> ": " + m).orElse("");
    if (status == 401) {
      return settings.apiKey().isEmpty()
          ? failure(
              AUTHENTICATION,
              false,
              "the model provider needs an API key; set LLM_API_KEY",
              http + " (no API key is set)")
          : failure(
              AUTHENTICATION,
              false,
              "the model provider rejected the API key; check LLM_API_KEY",
              http);
    }
    if (status == 403) {
      return failure(
          AUTHENTICATION,
          false,
          "the model provider refused access with this API key; check LLM_API_KEY",
          http);
    }
    if (status == 402 || error.is("insufficient_quota")) {
      return failure(
          QUOTA,
          false,
          "the model provider's quota or credit for this API key is used up; check the plan and"
              + " billing",
          http);
    }
    if (status >= 400 && status < 500 && status != 429 && isContextOverflow(error)) {
      return failure(
          CONTEXT_TOO_LONG,
          false,
          "the conversation is too long for the model " + settings.model(),
          http);
    }
    if (status == 404) {
      return failure(
          BAD_REQUEST,
          false,
          "the model provider does not know the model "
              + settings.model()
              + "; check LLM_MODEL and LLM_BASE_URL",
          http);
    }
    if (status == 429) {
      return failure(
          RATE_LIMITED, true, "the model provider is limiting requests; try again shortly", http);
    }
    if (status == 408 || status == 409 || status >= 500) {
      return failure(SERVER, true, "the model provider had a problem; try again", http);
    }
    if (status >= 400) {
      return failure(BAD_REQUEST, false, "the model provider refused the request", http);
    }
    return failure(
        BAD_RESPONSE, false, "the model provider gave an answer that could not be used", http);
  }

  /** An error object sent instead of a chunk, after the HTTP status already said 200. */
  LanguageModelException fromStream(JsonNode node) {
    ProviderError error = ProviderError.fromJson(node);
    if (error.status().isPresent()) {
      return fromStatus(error.status().getAsInt(), error);
    }
    String detail =
        "the model provider at "
            + host()
            + " sent an error mid-answer: "
            + error.describe(key()).orElse("no details")
            + (error.type() == null ? "" : " (type " + error.type() + ")")
            + (error.code() == null ? "" : " (code " + error.code() + ")");
    if (error.is("insufficient_quota")) {
      return failure(
          QUOTA,
          false,
          "the model provider's quota for this API key is used up; check the plan and billing",
          detail);
    }
    if (error.is("context_length_exceeded") || isContextOverflow(error)) {
      return failure(
          CONTEXT_TOO_LONG,
          false,
          "the conversation is too long for the model " + settings.model(),
          detail);
    }
    if (error.is("rate_limit_exceeded") || error.is("rate_limit_error")) {
      return failure(
          RATE_LIMITED, true, "the model provider is limiting requests; try again shortly", detail);
    }
    if (error.is("invalid_request_error")) {
      return failure(BAD_REQUEST, false, "the model provider refused the request", detail);
    }
    return failure(SERVER, true, "the model provider failed mid-answer; try again", detail);
  }

  LanguageModelException fromIo(IOException e, Phase phase) {
    if (e instanceof EventStream.Truncated) {
      return failure(
          SERVER,
          true,
          "the model provider's answer was cut off before it finished; try again",
          "the answer from the model provider at "
              + host()
              + " ended before it finished ("
              + e.getMessage()
              + ")",
          e);
    }
    if (e instanceof UnknownHostException) {
      return failure(
          UNREACHABLE,
          true,
          "cannot reach the model provider: its host is unknown; check LLM_BASE_URL",
          "cannot reach the model provider: the host " + endpoint.host() + " is unknown",
          e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return failure(
          UNREACHABLE,
          true,
          "cannot connect to the model provider; is it running? check LLM_BASE_URL",
          "cannot connect to the model provider at " + host() + " (" + detail(e) + ")",
          e);
    }
    if (e instanceof InterruptedIOException) {
      return timeout(e, phase);
    }
    if (e instanceof SSLException) {
      return failure(
          UNREACHABLE,
          false,
          "cannot talk securely to the model provider; check LLM_BASE_URL",
          "cannot talk securely to the model provider at " + host() + " (" + detail(e) + ")",
          e);
    }
    if (phase == Phase.STREAMING) {
      return failure(
          SERVER,
          true,
          "the connection to the model provider broke off mid-answer; try again",
          "the connection to the model provider at "
              + host()
              + " broke off mid-answer ("
              + detail(e)
              + ")",
          e);
    }
    return failure(
        UNREACHABLE,
        true,
        "cannot reach the model provider; try again",
        "cannot reach the model provider at " + host() + " (" + detail(e) + ")",
        e);
  }

  /** An answer that cannot be read; {@code what} (which may quote it) goes to the log only. */
  LanguageModelException badResponse(String what) {
    return failure(
        BAD_RESPONSE,
        false,
        "the model provider sent an answer that could not be read",
        "the model provider at " + host() + " sent " + what,
        null);
  }

  /** A failure nobody planned for while reading an answer. */
  LanguageModelException unexpected(RuntimeException e) {
    return failure(
        BAD_RESPONSE,
        false,
        "the model provider's answer could not be read",
        "the answer from the model provider at " + host() + " could not be read (" + e + ")",
        e);
  }

  private LanguageModelException timeout(IOException e, Phase phase) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (phase == Phase.CONNECTING && message.contains("connect")) {
      return failure(
          TIMEOUT,
          true,
          "could not connect to the model provider within " + format(connectTimeout),
          "could not connect to the model provider at "
              + host()
              + " within "
              + format(connectTimeout),
          e);
    }
    if (phase == Phase.STREAMING) {
      return failure(
          TIMEOUT,
          true,
          "the model provider stopped answering for "
              + format(settings.idleTimeout())
              + "; try again",
          "the model provider at "
              + host()
              + " stopped answering for "
              + format(settings.idleTimeout()),
          e);
    }
    return failure(
        TIMEOUT,
        true,
        "the model provider did not start answering within "
            + format(settings.firstByteTimeout())
            + "; try again",
        "the model provider at "
            + host()
            + " did not start answering within "
            + format(settings.firstByteTimeout()),
        e);
  }

  private static boolean isContextOverflow(ProviderError error) {
    return error.is("context_length_exceeded")
        || (error.message() != null
            && CONTEXT_OVERFLOW.matcher(error.message().toLowerCase(Locale.ROOT)).find());
  }

  private String detail(IOException e) {
    return OpenAiHttp.describe(e, settings.idleTimeout(), key());
  }

  private String host() {
    return endpoint.host() + ":" + endpoint.port();
  }

  private String key() {
    return settings.apiKey().orElse(null);
  }

  private static String format(Duration timeout) {
    return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
  }

  private LanguageModelException failure(
      Kind kind, boolean retryable, String message, String detail) {
    return failure(kind, retryable, message, detail, null);
  }

  private LanguageModelException failure(
      Kind kind, boolean retryable, String message, String detail, Throwable cause) {
    return new LanguageModelException(
        kind, retryable, message, OpenAiHttp.scrub(detail, key()), cause);
  }
}
