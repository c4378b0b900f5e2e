package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.testing.ChatKitFixture;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application's ChatKit fixture behind the endpoint's wire format: requests go in as the JSON
 * bodies a ChatKit client sends and answers come out as the JSON it receives.
 */
public final class ChatKitWireFixture extends ChatKitFixture {

  public final ChatKitCodec codec = new ChatKitCodec(settings.publicBaseUrl());

  /** Parses {@code body} as the endpoint does and hands it to the service. */
  public ChatKitResult process(UserId owner, String body) {
    return service.process(owner, ChatKitRequestParser.parse(body));
  }

  /** The JSON body of a non-streaming request. */
  public JsonNode json(UserId owner, String body) {
    ChatKitResult result = process(owner, body);
    if (result instanceof ChatKitResult.Stream) {
      throw new AssertionError("expected JSON, got " + result);
    }
    return WireJson.read(codec.body(result));
  }

  /** The events of a streaming request, as the ChatKit JSON a client would receive. */
  public List<JsonNode> stream(UserId owner, String body) {
    return events(owner, body).stream().map(codec::event).map(WireJson::read).toList();
  }

  /** The domain events of a streaming request, awaited to the end. */
  public List<ThreadEvent> events(UserId owner, String body) {
    return multi(owner, body).collect().asList().await().atMost(Duration.ofSeconds(10));
  }

  public Multi<ThreadEvent> multi(UserId owner, String body) {
    return streamOf(process(owner, body));
  }

  /** The text of a stored assistant message: its {@code output_text} parts concatenated. */
  public static String assistantText(ThreadItem item) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : WireJson.read(item.payload()).path("content")) {
      if ("output_text".equals(part.path("type").asString(""))) {
        text.append(part.path("text").asString(""));
      }
    }
    return text.toString();
  }

  // Request bodies, as the ChatKit client sends them.

  public static String create(String text) {
    return "{\"type\":\"threads.create\",\"params\":{\"input\":" + input(text) + "}}";
  }

  public static String addMessage(String threadId, String text) {
    return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\""
        + threadId
        + "\",\"input\":"
        + input(text)
        + "}}";
  }

  public static String input(String text) {
    ObjectNode input = WireJson.object();
    input.putArray("content").addObject().put("type", "input_text").put("text", text);
    input.put("quoted_text", "");
    input.putArray("attachments");
    input.putObject("inference_options");
    return WireJson.write(input);
  }

  public static String request(String type, String paramsJson) {
    return "{\"type\":\"" + type + "\",\"params\":" + paramsJson + "}";
  }
}
