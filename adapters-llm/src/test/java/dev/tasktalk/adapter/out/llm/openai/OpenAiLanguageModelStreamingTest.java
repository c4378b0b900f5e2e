package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelEvent.Finished;
import dev.tasktalk.application.port.out.llm.ModelEvent.ReasoningDelta;
import dev.tasktalk.application.port.out.llm.ModelEvent.TextDelta;
import dev.tasktalk.application.port.out.llm.ModelEvent.ToolCallRequested;
import dev.tasktalk.application.port.out.llm.ToolCall;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class OpenAiLanguageModelStreamingTest extends ModelServerTestBase {

  @Test
  void givenText_stream_emitsEachDelta_thenTheFinishWithUsage() {
    server.enqueue(
        sse(
            delta("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}"),
            text("Hel"),
            text("lo!"),
            finish("stop"),
            usage(12, 3)));

    assertThat(events(model(), HELLO))
        .containsExactly(new TextDelta("Hel"), new TextDelta("lo!"), new Finished("stop", 12L, 3L));
  }

  @Test
  void givenTheCanonicalToolCallSequence_stream_concatenatesTheArgumentFragments() {
    server.enqueue(
        sse(
            delta(
                "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_abc\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}],\"refusal\":null}"),
            delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"lo\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"cation\\\":\\\"Paris\\\"}\"}}]}"),
            finish("tool_calls"),
            usage(80, 17)));

    assertThat(events(model(), HELLO))
        .containsExactly(
            new ToolCallRequested(
                new ToolCall("call_abc", "get_weather", "{\"location\":\"Paris\"}")),
            new Finished("tool_calls", 80L, 17L));
  }

  @Test
  void givenTextThenToolCalls_stream_emitsTheCallsAfterTheLastDelta() {
    server.enqueue(
        sse(
            text("Let me check."),
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"list_todos\",\"arguments\":\"{}\"}}]}"),
            text(" One moment."),
            finish("tool_calls")));

    List<ModelEvent> events = events(model(), HELLO);

    assertThat(events)
        .containsExactly(
            new TextDelta("Let me check."),
            new TextDelta(" One moment."),
            new ToolCallRequested(new ToolCall("call_1", "list_todos", "{}")),
            new Finished("tool_calls", null, null));
  }

  @Test
  void givenParallelCallsWhoseFragmentsInterleave_stream_keysThemByIndex() {
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"add_todo\",\"arguments\":\"\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"title\\\":\\\"milk\\\"}\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"eggs\\\"}\"}}]}"),
            finish("tool_calls")));

    assertThat(calls(events(model(), HELLO)))
        .containsExactly(
            new ToolCall("call_a", "add_todo", "{\"title\":\"milk\"}"),
            new ToolCall("call_b", "add_todo", "{\"title\":\"eggs\"}"));
  }

  @Test
  void givenWholeArgumentsInOneChunkAndFinishStop_stream_stillEmitsTheCall() {
    // Ollama: one chunk per call, and older builds finish tool turns with "stop".
    server.enqueue(
        sse(
            delta(
                "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_k2x9\",\"index\":0,"
                    + "\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\\\"milk\\\"}\"}}]}"),
            finish("stop")));

    List<ModelEvent> events = events(model(), HELLO);

    assertThat(calls(events))
        .containsExactly(new ToolCall("call_k2x9", "add_todo", "{\"title\":\"milk\"}"));
    assertThat(finished(events).reason()).isEqualTo("tool_calls");
  }

  @Test
  void givenGeminiCallsWithoutIndex_stream_separatesThemAndReportsAToolTurn() {
    server.enqueue(
        sse(
            delta(
                "{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"title\\\":\\\"milk\\\"}\","
                    + "\"name\":\"add_todo\"},\"id\":\"call_297140\",\"type\":\"function\"}]}"),
            delta(
                "{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"title\\\":\\\"eggs\\\"}\","
                    + "\"name\":\"add_todo\"},\"id\":\"call_297141\",\"type\":\"function\"}]}"),
            chunk("{\"role\":\"assistant\"}", "\"stop\""),
            usage(40, 20)));

    List<ModelEvent> events = events(model(), HELLO);

    assertThat(calls(events))
        .containsExactly(
            new ToolCall("call_297140", "add_todo", "{\"title\":\"milk\"}"),
            new ToolCall("call_297141", "add_todo", "{\"title\":\"eggs\"}"));
    assertThat(finished(events)).isEqualTo(new Finished("tool_calls", 40L, 20L));
  }

  @Test
  void givenCallsWithoutIndexOrId_stream_startsANewCallForEachWholeCall() {
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":"
                    + "\"{\\\"title\\\":\\\"milk\\\"}\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":"
                    + "\"{\\\"title\\\":\\\"eggs\\\"}\"}}]}"),
            finish("stop")));

    List<ToolCall> calls = calls(events(model(), HELLO));

    assertThat(calls)
        .extracting(ToolCall::arguments)
        .containsExactly("{\"title\":\"milk\"}", "{\"title\":\"eggs\"}");
    assertThat(calls)
        .extracting(ToolCall::id)
        .allMatch(id -> id.startsWith("call_"))
        .doesNotHaveDuplicates();
  }

  @Test
  void givenNoIds_stream_generatesUniqueOnes() {
    // vLLM with some tool parsers: ids only in non-streaming mode.
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"list_todos\",\"arguments\":\"\"}}]}"),
            delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":1,\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{}\"}}]}"),
            finish("tool_calls")));

    List<ToolCall> calls = calls(events(model(), HELLO));

    assertThat(calls).extracting(ToolCall::name).containsExactly("list_todos", "add_todo");
    assertThat(calls)
        .extracting(ToolCall::id)
        .allMatch(id -> id.matches("call_[0-9a-f]{32}"))
        .doesNotHaveDuplicates();
  }

  @Test
  void givenTheSameIdForParallelCallsOrOnEveryFragment_stream_keepsCallsApartWithUniqueIds() {
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_0\",\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_0\",\"function\":{\"arguments\":\"\\\"milk\\\"}\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":1,\"id\":\"call_0\",\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\\\"eggs\\\"}\"}}]}"),
            finish("tool_calls")));

    List<ToolCall> calls = calls(events(model(), HELLO));

    assertThat(calls)
        .extracting(ToolCall::arguments)
        .containsExactly("{\"title\":\"milk\"}", "{\"title\":\"eggs\"}");
    assertThat(calls.get(0).id()).isEqualTo("call_0");
    assertThat(calls.get(1).id()).startsWith("call_").isNotEqualTo("call_0");
  }

  @Test
  void givenASecondCallsArgumentsOnTheSameIndex_stream_splitsTheConcatenatedObjects() {
    // A Gemini relay bug: the second call arrives on index 0, which would give "{…}{…}".
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\\\"milk\\\"}\"}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\\\"eggs\\\"}\"}}]}"),
            finish("stop")));

    assertThat(calls(events(model(), HELLO)))
        .extracting(ToolCall::arguments)
        .containsExactly("{\"title\":\"milk\"}", "{\"title\":\"eggs\"}");
  }

  @Test
  void givenArgumentsAsAnObjectOrEmpty_stream_passesJsonText() {
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"add_todo\",\"arguments\":{\"title\":\"milk\"}}}]}"),
            delta(
                "{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"function\":{\"name\":\"list_todos\",\"arguments\":\"\"}}]}"),
            finish("tool_calls")));

    assertThat(calls(events(model(), HELLO)))
        .extracting(ToolCall::arguments)
        .containsExactly("{\"title\":\"milk\"}", "{}");
  }

  @Test
  void givenFinishLengthDuringACall_stream_reportsLength() {
    server.enqueue(
        sse(
            delta(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"ti\"}}]}"),
            finish("length")));

    assertThat(finished(events(model(), HELLO)).reason()).isEqualTo("length");
  }

  @Test
  void givenAUsageChunkWithNullOrMissingChoices_stream_readsTheUsage() {
    server.enqueue(
        sse(
            text("Hi"),
            finish("stop"),
            "{\"id\":\"cmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":null,"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}"));
    server.enqueue(
        sse(
            text("Hi"),
            finish("stop"),
            "{\"id\":\"cmpl-2\",\"object\":\"chat.completion.chunk\",\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}"));

    assertThat(finished(events(model(), HELLO))).isEqualTo(new Finished("stop", 5L, 1L));
    assertThat(finished(events(model(), HELLO))).isEqualTo(new Finished("stop", 7L, 2L));
  }

  @Test
  void givenReasoningContentOrReasoning_stream_emitsReasoningDeltas() {
    server.enqueue(
        sse(
            delta("{\"role\":\"assistant\",\"reasoning_content\":\"The user greets.\"}"),
            delta(
                "{\"reasoning\":\" Greet"
                    + " back.\",\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\""
                    + " Greet back.\"}]}"),
            text("Hi!"),
            finish("stop")));

    assertThat(events(model(), HELLO))
        .containsExactly(
            new ReasoningDelta("The user greets."),
            new ReasoningDelta(" Greet back."),
            new TextDelta("Hi!"),
            new Finished("stop", null, null));
  }

  @Test
  void givenAStreamingRefusal_stream_showsItAsText() {
    server.enqueue(
        sse(
            delta(
                "{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with"
                    + " that.\"}"),
            finish("stop")));

    assertThat(events(model(), HELLO)).startsWith(new TextDelta("I can't help with that."));
  }

  @Test
  void givenKeepAliveCommentsAndCrLfLineEnds_stream_readsTheEvents() {
    server.enqueue(
        raw(
            ": OPENROUTER PROCESSING\r\n\r\n"
                + "data: "
                + text("Hel")
                + "\r\n\r\n"
                + ": OPENROUTER PROCESSING\r\n\r\n"
                + "data: "
                + text("lo")
                + "\r\n\r\n"
                + "data: "
                + finish("stop")
                + "\r\n\r\n"
                + "data: [DONE]\r\n\r\n"));

    assertThat(events(model(), HELLO))
        .containsExactly(
            new TextDelta("Hel"), new TextDelta("lo"), new Finished("stop", null, null));
  }

  @Test
  void givenDataSplitOverLinesOrEventsWithoutBlankLines_stream_readsEveryChunk() {
    server.enqueue(
        raw(
            "data: {\"choices\":[{\"index\":0,\n"
                + "data: \"delta\":{\"content\":\"Hel\"}}]}\n\n"
                + "data: "
                + text("lo")
                + "\n"
                + "data: "
                + finish("stop")
                + "\n\n"
                + "data: [DONE]\n\n"));

    assertThat(events(model(), HELLO))
        .containsExactly(
            new TextDelta("Hel"), new TextDelta("lo"), new Finished("stop", null, null));
  }

  @Test
  void givenAnythingAfterDone_stream_ignoresIt() {
    server.enqueue(
        raw("data: " + text("Hi") + "\n\ndata: [DONE]\n\ndata: " + text("ignored") + "\n\n"));

    assertThat(events(model(), HELLO))
        .containsExactly(new TextDelta("Hi"), new Finished("stop", null, null));
  }

  @Test
  void givenAFinishButNoDone_stream_completesNormally() {
    server.enqueue(raw("data: " + text("Hi") + "\n\ndata: " + finish("stop") + "\n\n"));

    assertThat(events(model(), HELLO))
        .containsExactly(new TextDelta("Hi"), new Finished("stop", null, null));
  }

  @Test
  void givenEndOfStreamWithoutDoneOrFinish_stream_failsRetryably_withoutRetrying() {
    server.enqueue(raw("data: " + text("Hel") + "\n\n"));
    server.enqueue(sse(text("second attempt"), finish("stop")));

    var subscriber =
        model().stream(HELLO)
            .subscribe()
            .withSubscriber(
                io.smallrye.mutiny.helpers.test.AssertSubscriber.<ModelEvent>create(Long.MAX_VALUE))
            .awaitFailure(WAIT);

    assertThat(subscriber.getItems()).containsExactly(new TextDelta("Hel"));
    LanguageModelException failure = (LanguageModelException) subscriber.getFailure();
    assertThat(failure.kind()).isEqualTo(LanguageModelException.Kind.SERVER);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure).hasMessageContaining("cut off");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givenAnErrorObjectMidStream_stream_failsRetryably_withTheProvidersReasonForTheLog() {
    // OpenRouter: HTTP 200 is sent, then the upstream fails.
    server.enqueue(
        sse(
            text("Hel"),
            "{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"error\":{\"code\":502,\"message\":\"Upstream"
                + " provider returned an error\"},"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}"));

    var subscriber =
        model().stream(HELLO)
            .subscribe()
            .withSubscriber(
                io.smallrye.mutiny.helpers.test.AssertSubscriber.<ModelEvent>create(Long.MAX_VALUE))
            .awaitFailure(WAIT);

    assertThat(subscriber.getItems()).containsExactly(new TextDelta("Hel"));
    LanguageModelException failure = (LanguageModelException) subscriber.getFailure();
    assertThat(failure.kind()).isEqualTo(LanguageModelException.Kind.SERVER);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure)
        .hasMessageMatching(userMessage("the model provider had a problem; try again"));
    assertThat(failure.detail()).contains("HTTP 502: Upstream provider returned an error");
  }

  @Test
  void givenVllmOrNamedErrorEvents_stream_mapsThemByCode() {
    server.enqueue(
        sse(
            text("Hel"),
            "{\"object\":\"error\",\"message\":\"This model's maximum context length is "
                + "8192 tokens\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"));
    server.enqueue(
        raw(
            "event: error\n"
                + "data: {\"error\":{\"message\":\"Rate limit"
                + " reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}\n\n"));

    assertThat(failure(model(), HELLO).kind())
        .isEqualTo(LanguageModelException.Kind.CONTEXT_TOO_LONG);
    assertThat(failure(model(), HELLO).kind()).isEqualTo(LanguageModelException.Kind.RATE_LIMITED);
  }

  @Test
  void givenAServerThatIgnoresStreaming_stream_readsTheWholeCompletion() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"list_todos\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                    + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}")
            .build());

    assertThat(events(model(), HELLO))
        .containsExactly(
            new ToolCallRequested(new ToolCall("call_9", "list_todos", "{}")),
            new Finished("tool_calls", 9L, 4L));
  }

  @Test
  void givenAnEventStreamLabelledAsJson_stream_stillStreamsIt() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body("data: " + text("Hi") + "\n\ndata: " + finish("stop") + "\n\ndata: [DONE]\n\n")
            .build());

    assertThat(events(model(), HELLO))
        .containsExactly(new TextDelta("Hi"), new Finished("stop", null, null));
  }
}
