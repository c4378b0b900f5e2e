package dev.tasktalk.adapter.out.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.application.port.out.llm.ToolCall;
import dev.tasktalk.application.port.out.llm.ToolDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A conversation with the offline model as the agent loop would hold it: user messages, the model's
 * calls with the tool results fed back, and its answers. Today is Sunday 2026-11-22.
 */
final class OfflineChat {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  static final List<ToolDefinition> TOOLS =
      Stream.of(
              "add_task",
              "list_tasks",
              "get_task",
              "update_task",
              "complete_task",
              "delete_task",
              "search_tasks")
          .map(name -> new ToolDefinition(name, "The " + name + " tool.", "{\"type\":\"object\"}"))
          .toList();
  static final String MILK = "6f1c2d3e-0000-4000-8000-000000000001";
  static final String CHOCOLATE = "6f1c2d3e-0000-4000-8000-000000000002";
  static final String MUM = "6f1c2d3e-0000-4000-8000-000000000003";

  private final OfflineLanguageModel model = new OfflineLanguageModel(CLOCK);
  private final List<ModelMessage> messages = new ArrayList<>();
  private List<ToolDefinition> tools = TOOLS;

  static OfflineChat start() {
    OfflineChat chat = new OfflineChat();
    chat.messages.add(new ModelMessage.System("You help the user manage their todo tasks."));
    return chat;
  }

  OfflineChat withTools(List<ToolDefinition> offered) {
    tools = offered;
    return this;
  }

  OfflineChat user(String text) {
    messages.add(new ModelMessage.User(text));
    return this;
  }

  List<ModelEvent> events() {
    return model.stream(new ModelRequest(messages, tools))
        .collect()
        .asList()
        .await()
        .indefinitely();
  }

  /** The one tool call of the model's next response. */
  ToolCall call() {
    List<ToolCall> calls =
        events().stream()
            .filter(ModelEvent.ToolCallRequested.class::isInstance)
            .map(event -> ((ModelEvent.ToolCallRequested) event).call())
            .toList();
    assertThat(calls).as("tool calls").hasSize(1);
    return calls.get(0);
  }

  /** The text of the model's next response, which must make no tool call. */
  String text() {
    List<ModelEvent> events = events();
    assertThat(events).noneMatch(ModelEvent.ToolCallRequested.class::isInstance);
    return events.stream()
        .filter(ModelEvent.TextDelta.class::isInstance)
        .map(event -> ((ModelEvent.TextDelta) event).text())
        .collect(Collectors.joining());
  }

  /** Lets the model make its next call and feeds back {@code content} as the tool's result. */
  OfflineChat answer(String content) {
    ToolCall call = call();
    messages.add(new ModelMessage.Assistant("", List.of(call), null));
    messages.add(new ModelMessage.ToolResult(call.id(), call.name(), content));
    return this;
  }

  /** Records the model's next text answer in the conversation. */
  OfflineChat replied() {
    messages.add(new ModelMessage.Assistant(text(), List.of(), null));
    return this;
  }

  static JsonNode args(ToolCall call) {
    return Json.read(call.arguments());
  }

  static JsonNode json(String text) {
    return Json.read(text);
  }

  static String task(String id, String title) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\""
        + title
        + "\",\"completed\":false,\"priority\":\"medium\","
        + "\"tags\":[]}";
  }

  static String one(String task) {
    return "{\"task\":" + task + "}";
  }

  static String tasks(String... tasks) {
    return "{\"tasks\":[" + String.join(",", tasks) + "],\"count\":" + tasks.length + "}";
  }
}
