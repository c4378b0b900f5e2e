package dev.tasktalk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake model on a real socket, read by the same client the benchmark uses. */
class FakeModelTest {

  private static FakeModel model;
  private final Clients clients = new Clients();

  @BeforeAll
  static void start() throws Exception {
    model = FakeModel.start();
  }

  @AfterAll
  static void stop() {
    model.close();
  }

  @Test
  void aDirective_streamsThatManyTokens_atThatRate_andRecordsWhenEachLeft() throws Exception {
    Turn turn =
        clients
            .direct(completions(), FakeModel.Directive.text("rate-1", 5, 50, null), "rate-1", 5)
            .get(10, TimeUnit.SECONDS);

    assertThat(turn.complete()).as("errors %s", turn.errors()).isTrue();
    Trace trace = model.trace("rate-1");
    assertThat(trace.tokensSent()).isEqualTo(5);
    long spread = trace.tokenSentAt(4) - trace.tokenSentAt(0);
    // 50 tokens/s: the fifth token leaves four periods (80 ms) after the first.
    assertThat(spread)
        .isBetween(TimeUnit.MILLISECONDS.toNanos(75), TimeUnit.MILLISECONDS.toNanos(400));
    for (int i = 0; i < 5; i++) {
      assertThat(turn.tokenAt(i)).isGreaterThanOrEqualTo(trace.tokenSentAt(i));
    }
    assertThat(turn.gaps()).hasSize(4);
  }

  @Test
  void aToolDirective_firstCallsTheTool_thenAnswersOnceTheResultIsBack() throws Exception {
    String user =
        "{\"role\":\"user\",\"content\":\""
            + FakeModel.Directive.text("tool-1", 2, 1000, "add_task")
            + "\"}";
    String tools =
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"add_task\",\"parameters\":{}}}]";

    String first =
        post("{\"model\":\"m\",\"stream\":true,\"messages\":[" + user + "]" + tools + "}");
    String second =
        post(
            "{\"model\":\"m\",\"stream\":true,\"messages\":["
                + user
                + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_tool-1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"add_task\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_tool-1\",\"content\":\"{}\"}]"
                + tools
                + "}");

    assertThat(first)
        .contains("\"name\":\"add_task\"")
        .contains("\"finish_reason\":\"tool_calls\"")
        .contains("Bench task tool-1")
        .endsWith("data: [DONE]\n\n");
    assertThat(second)
        .contains("\"content\":\"w0\"")
        .contains("\"content\":\" w1\"")
        .contains("\"finish_reason\":\"stop\"");
    Trace trace = model.trace("tool-1");
    assertThat(trace.toolCallSentAt()).isPositive();
    assertThat(trace.answerRequestAt()).isGreaterThan(trace.toolCallSentAt());
  }

  @Test
  void aTitleRequest_getsATitle_andNoTrace() throws Exception {
    String answer =
        post(
            "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"system\",\"content\":\"Write"
                + " a short title (2–6 words) for this conversation.\"},"
                + "{\"role\":\"user\",\"content\":\""
                + FakeModel.Directive.text("title-1", 3, 100, null)
                + "\"}]}");

    assertThat(answer)
        .contains("\"object\":\"chat.completion\"")
        .contains("Benchmark conversation");
    assertThat(model.trace("title-1")).isNull();
  }

  private static URI completions() {
    return URI.create(model.baseUrl() + "/chat/completions");
  }

  private static String post(String body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(completions())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
