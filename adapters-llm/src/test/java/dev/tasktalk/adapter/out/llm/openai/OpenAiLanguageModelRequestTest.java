package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.port.out.llm.ToolDefinition;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiLanguageModelRequestTest extends ModelServerTestBase {

  private static final ToolDefinition ADD_TODO =
      new ToolDefinition(
          "add_todo",
          "Adds a task",
          "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}},\"required\":[\"title\"]}");
  private static final ModelRequest CONVERSATION =
      new ModelRequest(
          List.of(
              new ModelMessage.System("You manage todos."),
              new ModelMessage.User("Add milk"),
              new ModelMessage.Assistant(
                  "",
                  List.of(new ToolCall("call_1", "add_todo", "{\"title\":\"milk\"}")),
                  "The user wants milk."),
              new ModelMessage.ToolResult("call_1", "add_todo", "{\"id\":\"t1\"}"),
              new ModelMessage.Assistant("Added milk.", List.of(), null)),
          List.of(ADD_TODO));

  @Test
  void stream_postsChatCompletionsWithKeyAndStreamingOptions() throws Exception {
    server.enqueue(sse(text("ok"), finish("stop")));

    events(model(), CONVERSATION);

    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    JsonNode body = JsonMapper.shared().readTree(sent.getBody().utf8());
    assertThat(body.propertyNames())
        .containsExactly("model", "messages", "tools", "stream", "stream_options");
    assertThat(body.path("model").stringValue()).isEqualTo(MODEL);
    assertThat(body.path("stream").booleanValue()).isTrue();
    assertThat(body.path("stream_options").toString()).isEqualTo("{\"include_usage\":true}");
  }

  @Test
  void stream_sendsEveryKindOfMessage_withToolCallsAndResults() throws Exception {
    server.enqueue(sse(text("ok"), finish("stop")));

    events(model(), CONVERSATION);

    assertThat(sentBody().path("messages"))
        .isEqualTo(
            json(
                """
                [{"role":"system","content":"You manage todos."},
                 {"role":"user","content":"Add milk"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"add_todo","arguments":"{\\"title\\":\\"milk\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"{\\"id\\":\\"t1\\"}"},
                 {"role":"assistant","content":"Added milk."}]\
                """));
  }

  @Test
  void stream_offersTheToolsAsFunctionsWithTheirSchema() throws Exception {
    server.enqueue(sse(text("ok"), finish("stop")));

    events(model(), CONVERSATION);

    assertThat(sentBody().path("tools"))
        .isEqualTo(
            json(
                """
                [{"type":"function","function":{"name":"add_todo","description":"Adds a task",
                  "parameters":{"type":"object","properties":{"title":{"type":"string"}},"required":["title"]}}}]\
                """));
  }

  @Test
  void givenNoToolsNoKeyAndNoUsage_stream_leavesThoseOut() throws Exception {
    server.enqueue(sse(text("ok"), finish("stop")));
    ModelSettings settings =
        new ModelSettings(
            "ollama",
            server.url("/v1/").toString(),
            Optional.empty(),
            "llama3.2",
            false,
            false,
            2,
            ModelSettings.DEFAULT_FIRST_BYTE_TIMEOUT,
            ModelSettings.DEFAULT_IDLE_TIMEOUT);

    events(model(settings, QUICK_RETRIES), HELLO);

    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(sent.getHeaders().get("Authorization")).isNull();
    JsonNode body = JsonMapper.shared().readTree(sent.getBody().utf8());
    assertThat(body.propertyNames()).containsExactly("model", "messages", "stream");
    assertThat(body.path("model").stringValue()).isEqualTo("llama3.2");
  }

  @Test
  void givenAProviderThatNeedsItsReasoningBack_stream_sendsReasoningContent() throws Exception {
    server.enqueue(sse(text("ok"), finish("stop")));
    ModelSettings mimo =
        new ModelSettings(
            "mimo",
            server.url("/v1").toString(),
            Optional.of(KEY),
            "mimo-v2-flash",
            true,
            true,
            2,
            ModelSettings.DEFAULT_FIRST_BYTE_TIMEOUT,
            ModelSettings.DEFAULT_IDLE_TIMEOUT);

    events(model(mimo, QUICK_RETRIES), CONVERSATION);

    JsonNode messages = sentBody().path("messages");
    assertThat(messages.get(2).path("reasoning_content").stringValue())
        .isEqualTo("The user wants milk.");
    assertThat(messages.get(4).has("reasoning_content")).isFalse();
  }

  @Test
  void givenAGatewayThatRejectsStreamOptions_stream_retriesWithoutThem() throws Exception {
    server.enqueue(
        error(
            400,
            "{\"error\":{\"message\":\"property 'stream_options' is unsupported, did you mean "
                + "'stream'?\",\"type\":\"invalid_request_error\"}}"));
    server.enqueue(sse(text("ok"), finish("stop")));

    assertThat(events(model(), HELLO)).hasSize(2);

    assertThat(sentBody().has("stream_options")).isTrue();
    assertThat(sentBody().has("stream_options")).isFalse();
  }

  @Test
  void givenProviderIdsAndExtraFields_theNextRequest_echoesThem() throws Exception {
    // Gemini 3 wants its thought signature back; a server reusing call_0 wants its own id back.
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_0\",\"type\":\"function\",\"function\":{\"name\":"
                    + "\"add_todo\",\"arguments\":\"{}\"},\"extra_content\":{\"google\":{\"thought_signature\":\"sig==\"}}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":1,\"id\":\"call_0\",\"type\":\"function\",\"function\":{\"name\":"
                    + "\"list_todos\",\"arguments\":\"{}\"}}]}"),
            finish("stop")));
    server.enqueue(sse(text("done"), finish("stop")));
    OpenAiLanguageModel model = model();

    List<ToolCall> calls = calls(events(model, HELLO));
    events(
        model,
        new ModelRequest(
            List.of(
                new ModelMessage.User("Add"),
                new ModelMessage.Assistant(null, calls, null),
                new ModelMessage.ToolResult(calls.get(0).id(), "add_todo", "ok"),
                new ModelMessage.ToolResult(calls.get(1).id(), "list_todos", "[]")),
            List.of()));

    server.takeRequest(1, TimeUnit.SECONDS);
    JsonNode messages = sentBody().path("messages");
    assertThat(calls.get(1).id()).isNotEqualTo(calls.get(0).id());
    assertThat(messages.get(1).path("tool_calls").get(0).path("extra_content").toString())
        .isEqualTo("{\"google\":{\"thought_signature\":\"sig==\"}}");
    assertThat(messages.get(1).path("tool_calls").findValuesAsString("id"))
        .containsExactly("call_0", "call_0");
    assertThat(messages.get(2).path("tool_call_id").stringValue()).isEqualTo("call_0");
    assertThat(messages.get(3).path("tool_call_id").stringValue()).isEqualTo("call_0");
  }

  @Test
  void givenStoredProviderFields_aModelThatNeverSawTheCall_echoesThem() throws Exception {
    // As after a restart, or on another instance: everything needed travels with the history.
    server.enqueue(sse(text("done"), finish("stop")));
    ToolCall stored =
        new ToolCall(
            "call_mine",
            "add_todo",
            "{}",
            "call_0",
            "{\"extra_content\":{\"google\":{\"thought_signature\":\"sig==\"}}}");

    events(
        model(),
        new ModelRequest(
            List.of(
                new ModelMessage.User("Add"),
                new ModelMessage.Assistant(null, List.of(stored), null),
                new ModelMessage.ToolResult("call_mine", "add_todo", "ok")),
            List.of()));

    JsonNode messages = sentBody().path("messages");
    assertThat(messages.get(1).path("tool_calls").get(0).path("id").stringValue())
        .isEqualTo("call_0");
    assertThat(messages.get(1).path("tool_calls").get(0).path("extra_content").toString())
        .isEqualTo("{\"google\":{\"thought_signature\":\"sig==\"}}");
    assertThat(messages.get(2).path("tool_call_id").stringValue()).isEqualTo("call_0");
  }

  @Test
  void
      givenAProviderReusingAnIdOfTheHistory_theNewCall_getsItsOwnId_andKeepsTheProvidersForTheWire() {
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_0\",\"type\":\"function\",\"function\":{\"name\":"
                    + "\"add_todo\",\"arguments\":\"{}\"}}]}"),
            finish("tool_calls")));

    List<ToolCall> calls =
        calls(
            events(
                model(),
                new ModelRequest(
                    List.of(
                        new ModelMessage.User("Add"),
                        new ModelMessage.Assistant(
                            null, List.of(new ToolCall("call_0", "add_todo", "{}")), null),
                        new ModelMessage.ToolResult("call_0", "add_todo", "ok"),
                        new ModelMessage.User("Again")),
                    List.of())));

    assertThat(calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.id()).startsWith("call_").isNotEqualTo("call_0");
              assertThat(call.providerId()).isEqualTo("call_0");
              assertThat(call.wireId()).isEqualTo("call_0");
            });
  }

  @Test
  void givenAToolWhoseSchemaIsNotJson_stream_failsAsABadRequest() {
    ModelRequest request =
        new ModelRequest(
            List.of(new ModelMessage.User("Hi")),
            List.of(new ToolDefinition("broken", "Broken", "type: object")));

    LanguageModelException failure = failure(model(), request);

    assertThat(failure.kind()).isEqualTo(LanguageModelException.Kind.BAD_REQUEST);
    assertThat(failure).hasMessageContaining("broken");
    assertThat(server.getRequestCount()).isZero();
  }

  private static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }
}
