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
 * whose message tells a person what happened and what to check, never showing the API key.
 */
final class ErrorMapper {

  /** How far a call got when it failed, which decides what a timeout means. */
  enum Phase { CONNECTING, WAITING, STREAMING }

  // vLLM and others report an overflowing prompt only in the message text.
  private static final Pattern CONTEXT_OVERFLOW = Pattern.compile("context[ _-]?(length|window)"
      + "|maximum context|too many tokens|prompt is too long|input is too long|reduce the length");

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
    String http = "HTTP " + status + error.describe(key()).map(m -> ": " + m).orElse("");
    if (status == 401) {
      return settings.apiKey().isEmpty()
          ? failure(AUTHENTICATION, false,
              "the model provider at " + host() + " needs an API key; set LLM_API_KEY")
          : failure(AUTHENTICATION, false, "the model provider rejected the API key; check LLM_API_KEY");
    }
    if (status == 403) {
      return failure(AUTHENTICATION, false,
          "the model provider refused access with this API key (" + http + "); check LLM_API_KEY");
    }
    if (status == 402 || error.is("insufficient_quota")) {
      return failure(QUOTA, false, "the model provider's quota or credit for this API key is used up ("
          + http + "); check the plan and billing");
    }
    if (status >= 400 && status < 500 && status != 429 && isContextOverflow(error)) {
      return failure(CONTEXT_TOO_LONG, false,
          "the conversation is too long for the model " + settings.model() + " (" + http + ")");
    }
    if (status == 404) {
      return failure(BAD_REQUEST, false, "the model provider at " + host() + " does not know the model "
          + settings.model() + " (" + http + "); check LLM_MODEL and LLM_BASE_URL");
    }
    if (status == 429) {
      return failure(RATE_LIMITED, true,
          "the model provider is limiting requests (" + http + "); try again shortly");
    }
    if (status == 408 || status == 409 || status >= 500) {
      return failure(SERVER, true,
          "the model provider at " + host() + " had a problem (" + http + "); try again");
    }
    if (status >= 400) {
      return failure(BAD_REQUEST, false, "the model provider refused the request (" + http + ")");
    }
    return failure(BAD_RESPONSE, false, "the model provider answered with an unexpected " + http);
  }

  /** An error object sent instead of a chunk, after the HTTP status already said 200. */
  LanguageModelException fromStream(JsonNode node) {
    ProviderError error = ProviderError.fromJson(node);
    if (error.status().isPresent()) {
      return fromStatus(error.status().getAsInt(), error);
    }
    String detail = error.describe(key()).orElse("no details");
    if (error.is("insufficient_quota")) {
      return failure(QUOTA, false,
          "the model provider's quota for this API key is used up (" + detail + ")");
    }
    if (error.is("context_length_exceeded") || isContextOverflow(error)) {
      return failure(CONTEXT_TOO_LONG, false,
          "the conversation is too long for the model " + settings.model() + " (" + detail + ")");
    }
    if (error.is("rate_limit_exceeded") || error.is("rate_limit_error")) {
      return failure(RATE_LIMITED, true,
          "the model provider is limiting requests (" + detail + "); try again shortly");
    }
    if (error.is("invalid_request_error")) {
      return failure(BAD_REQUEST, false, "the model provider refused the request (" + detail + ")");
    }
    return failure(SERVER, true, "the model provider failed mid-answer (" + detail + "); try again");
  }

  LanguageModelException fromIo(IOException e, Phase phase) {
    if (e instanceof EventStream.Truncated) {
      return failure(SERVER, true, "the answer from the model provider at " + host()
          + " was cut off before it finished; try again", e);
    }
    if (e instanceof UnknownHostException) {
      return failure(UNREACHABLE, true, "cannot reach the model provider: the host " + endpoint.host()
          + " is unknown; check LLM_BASE_URL", e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return failure(UNREACHABLE, true, "cannot connect to the model provider at " + host()
          + "; is it running? check LLM_BASE_URL", e);
    }
    if (e instanceof InterruptedIOException) {
      return timeout(e, phase);
    }
    if (e instanceof SSLException) {
      return failure(UNREACHABLE, false, "cannot talk securely to the model provider at " + host() + " ("
          + detail(e) + "); check LLM_BASE_URL", e);
    }
    if (phase == Phase.STREAMING) {
      return failure(SERVER, true, "the connection to the model provider at " + host()
          + " broke off mid-answer (" + detail(e) + "); try again", e);
    }
    return failure(UNREACHABLE, true,
        "cannot reach the model provider at " + host() + " (" + detail(e) + ")", e);
  }

  LanguageModelException badResponse(String what) {
    return failure(BAD_RESPONSE, false, "the model provider at " + host() + " sent " + what);
  }

  private LanguageModelException timeout(IOException e, Phase phase) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (phase == Phase.CONNECTING && message.contains("connect")) {
      return failure(TIMEOUT, true, "could not connect to the model provider at " + host() + " within "
          + format(connectTimeout), e);
    }
    if (phase == Phase.STREAMING) {
      return failure(TIMEOUT, true, "the model provider at " + host() + " stopped answering for "
          + format(settings.idleTimeout()) + "; try again", e);
    }
    return failure(TIMEOUT, true, "the model provider at " + host() + " did not start answering within "
        + format(settings.firstByteTimeout()) + "; try again", e);
  }

  private static boolean isContextOverflow(ProviderError error) {
    return error.is("context_length_exceeded") || (error.message() != null
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

  private static LanguageModelException failure(Kind kind, boolean retryable, String message) {
    return new LanguageModelException(kind, retryable, message);
  }

  private static LanguageModelException failure(Kind kind, boolean retryable, String message,
      Throwable cause) {
    return new LanguageModelException(kind, retryable, message, cause);
  }
}
