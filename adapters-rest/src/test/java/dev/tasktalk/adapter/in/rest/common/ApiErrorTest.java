package dev.tasktalk.adapter.in.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.domain.run.RunInProgressException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void domainRefusals_keepTheirMeaning() {
    assertThat(ApiError.of(new ThreadNotFoundException("thr_1")).status()).isEqualTo(404);
    assertThat(ApiError.of(new ThreadNotFoundException("thr_1")).code()).isEqualTo("not_found");
    assertThat(ApiError.of(new InvalidInputException("title", "title is required")))
        .isEqualTo(new ApiError(400, "invalid_request", "title is required", "title"));
    assertThat(ApiError.of((Throwable) new RunInProgressException()).status()).isEqualTo(409);
    assertThat(ApiError.of(new RunInProgressException()).code()).isEqualTo("conflict");
    assertThat(ApiError.of(new UnavailableException("set OPENAI_API_KEY")))
        .isEqualTo(new ApiError(503, "unavailable", "set OPENAI_API_KEY"));
    assertThat(ApiError.of(RequestException.invalid("limit", "limit must be a whole number")))
        .isEqualTo(new ApiError(400, "invalid_request", "limit must be a whole number", "limit"));
    assertThat(ApiError.of(new PayloadTooLargeException(25 * 1024 * 1024)))
        .isEqualTo(new ApiError(413, "payload_too_large", "the request body is larger than 25 MB"));
  }

  @Test
  void anythingElse_isAnInternalErrorWithAReference_neverTheDetails() {
    ApiError error = ApiError.of(new IllegalStateException("db password is hunter2"));

    assertThat(error.status()).isEqualTo(500);
    assertThat(error.code()).isEqualTo("internal_error");
    assertThat(error.message())
        .matches("the server failed to handle this request \\(reference [0-9a-f-]{36}\\)")
        .doesNotContain("hunter2");
  }

  @Test
  void aBodyTheClientCutShort_isA400_notAServerFailure() {
    ApiError direct = ApiError.of(new EOFException());
    ApiError wrapped = ApiError.of(new UncheckedIOException(new EOFException()));

    assertThat(direct.status()).isEqualTo(400);
    assertThat(direct.message()).isEqualTo("the request body ended before it was complete");
    assertThat(wrapped.status()).isEqualTo(400);
  }

  @Test
  void json_isTheOneErrorShape() {
    assertThat(new ApiError(400, "invalid_request", "bad \"x\"", "x").json())
        .isEqualTo(
            "{\"error\":{\"code\":\"invalid_request\",\"message\":\"bad"
                + " \\\"x\\\"\",\"field\":\"x\"}}");
    assertThat(new ApiError(404, "not_found", "gone").json())
        .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"gone\"}}");
  }
}
