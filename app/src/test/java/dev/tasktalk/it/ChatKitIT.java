package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.ChatKitClient.Stream;
import dev.tasktalk.it.Http.Reply;
import dev.tasktalk.it.scripted.ScriptedResponderProducer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conformance of {@code POST /chatkit} with ChatKit's custom-backend protocol over real HTTP and
 * SSE, on the built WAR in Payara Micro with PostgreSQL. The turn engine is the scripted responder:
 * a message {@code #script [...]} tells it which events to produce.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatKitIT {

  // The production WAR plus the test-only scripted responder in front of the agent.
  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war().addPackage(ScriptedResponderProducer.class.getPackage());
  }

  @ArquillianResource URL base;

  private String tokenFor(String subject) {
    return ItEnvironment.keys().token("HS256", subject);
  }

  private ChatKitClient client(String subject) throws Exception {
    return new ChatKitClient(base.toURI(), tokenFor(subject));
  }

  private static String user() {
    return "user-" + UUID.randomUUID();
  }

  static String input(String text) {
    return "{\"content\":[{\"type\":\"input_text\",\"text\":"
        + quote(text)
        + "}],\"attachments\":[],"
        + "\"quoted_text\":\"\",\"inference_options\":{}}";
  }

  static String quote(String text) {
    return jakarta.json.Json.createValue(text).toString();
  }

  private static String create(String text) {
    return "{\"type\":\"threads.create\",\"params\":{\"input\":" + input(text) + "}}";
  }

  private static String addMessage(String thread, String text) {
    return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\""
        + thread
        + "\",\"input\":"
        + input(text)
        + "}}";
  }

  private static String threadId(Stream stream) {
    return stream.events().get(0).getJsonObject("thread").getString("id");
  }

  private static List<JsonObject> items(ChatKitClient chat, String thread, String order) {
    Reply page =
        chat.json(
            "{\"type\":\"items.list\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"order\":\""
                + order
                + "\",\"limit\":100}}");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().getJsonArray("data").getValuesAs(JsonObject.class);
  }

  @Test
  void aConversation_streamsEventsInProtocolOrder_andStoresWhatItShows() throws Exception {
    ChatKitClient chat = client(user());

    Stream created =
        chat.stream(
            create(
                "#script [{\"text\":\"Hello"
                    + " there\",\"chunks\":3},{\"title\":\"Greeting\"},{\"hidden\":\"secret\"},{\"end_of_turn\":true}]"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.contentType()).startsWith("text/event-stream");
    assertThat(created.types())
        .containsExactly(
            "thread.created",
            "thread.item.done",
            "stream_options",
            "thread.item.added",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.updated",
            "thread.item.done",
            "thread.updated",
            "thread.item.done");
    List<JsonObject> events = created.events();
    JsonObject thread = events.get(0).getJsonObject("thread");
    String threadId = thread.getString("id");
    assertThat(thread.containsKey("title")).isFalse();
    assertThat(thread.getJsonObject("metadata")).isEmpty();
    assertThat(thread.getJsonObject("status").getString("type")).isEqualTo("active");
    assertThat(Instant.parse(thread.getString("created_at"))).isBeforeOrEqualTo(Instant.now());
    JsonObject userMessage = events.get(1).getJsonObject("item");
    assertThat(userMessage.getString("type")).isEqualTo("user_message");
    assertThat(userMessage.getString("thread_id")).isEqualTo(threadId);
    assertThat(userMessage.getJsonArray("content").getJsonObject(0).getString("text"))
        .startsWith("#script");
    assertThat(events.get(2).getJsonObject("stream_options").getBoolean("allow_cancel")).isTrue();
    String assistantId = events.get(3).getJsonObject("item").getString("id");
    events.subList(4, 9).forEach(e -> assertThat(e.getString("item_id")).isEqualTo(assistantId));
    assertThat(events.get(5).getJsonObject("update").getString("type"))
        .isEqualTo("assistant_message.content_part.text_delta");
    JsonObject assistant = events.get(9).getJsonObject("item");
    assertThat(assistant.getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("Hello there");
    assertThat(events.get(10).getJsonObject("thread").getString("title")).isEqualTo("Greeting");
    assertThat(events)
        .extracting(e -> e.containsKey("item") ? e.getJsonObject("item").getString("type") : "")
        .doesNotContain("hidden_context_item", "sdk_hidden_context");

    Reply loaded =
        chat.json(
            "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
    assertThat(loaded.status()).isEqualTo(200);
    assertThat(loaded.header("Content-Type")).startsWith("application/json");
    JsonObject full = loaded.json();
    assertThat(full.getString("title")).isEqualTo("Greeting");
    assertThat(full.getJsonObject("metadata")).isEmpty();
    assertThat(full.getJsonObject("items").getJsonArray("data").getValuesAs(JsonObject.class))
        .extracting(i -> i.getString("type"))
        .containsExactly("user_message", "assistant_message", "end_of_turn");

    Stream followUp = chat.stream(addMessage(threadId, "How are you?"));
    assertThat(followUp.types())
        .startsWith("thread.item.done", "stream_options", "thread.item.added");
    assertThat(followUp.events().get(0).getJsonObject("item").getString("type"))
        .isEqualTo("user_message");
    assertThat(followUp.body()).contains("You said: How are you?");

    assertThat(items(chat, threadId, "asc"))
        .extracting(i -> i.getString("type"))
        .containsExactly(
            "user_message",
            "assistant_message",
            "end_of_turn",
            "user_message",
            "assistant_message");
    assertThat(items(chat, threadId, "desc").get(0).getString("type"))
        .isEqualTo("assistant_message");

    Reply renamed =
        chat.json(
            "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\""
                + threadId
                + "\",\"title\":\"Renamed\"}}");
    assertThat(renamed.json().getString("title")).isEqualTo("Renamed");
    assertThat(renamed.json().getJsonObject("items").getJsonArray("data")).isEmpty();
    Reply list = chat.json("{\"type\":\"threads.list\",\"params\":{}}");
    assertThat(list.json().getJsonArray("data").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("title"))
        .containsExactly("Renamed");
    assertThat(list.json().getBoolean("has_more")).isFalse();

    String assistantItem = items(chat, threadId, "asc").get(1).getString("id");
    Reply feedback =
        chat.json(
            "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\""
                + threadId
                + "\",\"item_ids\":[\""
                + assistantItem
                + "\"],\"kind\":\"positive\"}}");
    assertThat(feedback.status()).isEqualTo(200);
    assertThat(feedback.body()).isEqualTo("{}");

    Reply deleted =
        chat.json("{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
    assertThat(deleted.body()).isEqualTo("{}");
    assertThat(
            chat.json(
                    "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\""
                        + threadId
                        + "\"}}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void retryWidgetsClientToolsAndStructuredInput_resumeTheThreadAsTheProtocolSays()
      throws Exception {
    ChatKitClient chat = client(user());
    Stream first = chat.stream(create("first question"));
    String thread = threadId(first);
    String firstUserItem = first.events().get(1).getJsonObject("item").getString("id");
    chat.stream(addMessage(thread, "second question"));

    Stream retried =
        chat.stream(
            "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + firstUserItem
                + "\"}}");
    assertThat(retried.types().get(0)).isEqualTo("stream_options");
    assertThat(retried.body()).contains("You said: first question");
    assertThat(items(chat, thread, "asc"))
        .extracting(i -> i.getString("type"))
        .containsExactly("user_message", "assistant_message");
    String assistantItem = items(chat, thread, "asc").get(1).getString("id");
    Reply notUserMessage =
        chat.json("{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + thread + "\"}}");
    assertThat(notUserMessage.status()).isEqualTo(200);
    assertThat(
            chat.stream(
                    "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                        + thread
                        + "\",\"item_id\":\""
                        + assistantItem
                        + "\"}}")
                .status())
        .isEqualTo(400);

    Stream widget =
        chat.stream(
            addMessage(
                thread,
                "#script"
                    + " [{\"widget\":{\"type\":\"Card\",\"children\":[{\"type\":\"Text\",\"value\":\"Pick\"}]},\"copy_text\":\"Pick\"}]"));
    JsonObject widgetItem = widget.events().get(2).getJsonObject("item");
    assertThat(widgetItem.getString("type")).isEqualTo("widget");
    String widgetId = widgetItem.getString("id");
    Stream action =
        chat.stream(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + widgetId
                + "\",\"action\":{\"type\":\"demo.pick\",\"payload\":{\"widget\":"
                + "{\"type\":\"Card\",\"children\":[{\"type\":\"Text\",\"value\":\"Picked\"}]}},\"handler\":\"server\"}}}");
    assertThat(action.types()).startsWith("stream_options", "thread.item.replaced");
    assertThat(action.body()).contains("Picked").contains("Action demo.pick received.");
    Stream notWidget =
        chat.stream(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + assistantItem
                + "\",\"action\":{\"type\":\"x\"}}}");
    assertThat(notWidget.types()).containsExactly("error");
    assertThat(notWidget.events().get(0).getString("code")).isEqualTo("stream.error");
    assertThat(notWidget.events().get(0).getBoolean("allow_retry")).isFalse();
    Reply sync =
        chat.json(
            "{\"type\":\"threads.sync_custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + widgetId
                + "\",\"action\":{\"type\":\"demo.sync\",\"payload\":{\"widget\":"
                + "{\"type\":\"Card\",\"children\":[{\"type\":\"Text\",\"value\":\"Synced\"}]}}}}}");
    assertThat(sync.status()).isEqualTo(200);
    assertThat(sync.json().getJsonObject("updated_item").getString("id")).isEqualTo(widgetId);
    assertThat(items(chat, thread, "desc").toString()).contains("Synced");

    chat.stream(
        addMessage(
            thread,
            "#script"
                + " [{\"client_tool\":{\"name\":\"get_location\",\"arguments\":{\"precise\":true}}}]"));
    Stream resumed =
        chat.stream(
            "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"result\":{\"city\":\"Paris\"}}}");
    assertThat(resumed.types().get(0)).isEqualTo("stream_options");
    JsonObject call =
        items(chat, thread, "desc").stream()
            .filter(i -> i.getString("type").equals("client_tool_call"))
            .findFirst()
            .orElseThrow();
    assertThat(call.getString("status")).isEqualTo("completed");
    assertThat(call.getJsonObject("output").getString("city")).isEqualTo("Paris");
    assertThat(
            chat.stream(
                    "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\""
                        + thread
                        + "\",\"result\":{}}}")
                .status())
        .isEqualTo(400);

    Stream asked =
        chat.stream(
            addMessage(
                thread,
                "#script [{\"structured_input\":[{\"id\":\"q1\",\"type\":"
                    + "\"multiple_choice\",\"question\":\"Pick\",\"options\":[{\"value\":\"A\"},{\"value\":\"B\"}],\"multiple\":false},"
                    + "{\"id\":\"q2\",\"type\":\"freeform\",\"question\":\"Notes?\"}]}]"));
    String questions = asked.events().get(2).getJsonObject("item").getString("id");
    Stream answered =
        chat.stream(
            "{\"type\":\"threads.add_structured_input\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + questions
                + "\",\"input\":{\"answers\":{\"q1\":{\"values\":[\"A\",\"B\"]}}}}}");
    assertThat(answered.types()).startsWith("stream_options", "thread.item.replaced");
    JsonObject replaced = answered.events().get(1).getJsonObject("item");
    assertThat(replaced.getString("status")).isEqualTo("answered");
    List<JsonObject> inputs = replaced.getJsonArray("inputs").getValuesAs(JsonObject.class);
    assertThat(inputs.get(0).getJsonObject("answer").getJsonArray("values").getString(0))
        .isEqualTo("A");
    assertThat(inputs.get(0).getJsonObject("answer").getJsonArray("values")).hasSize(1);
    assertThat(inputs.get(1).getJsonObject("answer").getBoolean("skipped")).isTrue();
  }

  @Test
  void paging_isExactInBothOrders_acrossPageBoundaries() throws Exception {
    ChatKitClient chat = client(user());
    String thread = threadId(chat.stream(create("turn 0")));
    for (int i = 1; i < 6; i++) {
      chat.stream(addMessage(thread, "turn " + i));
    }
    List<String> all = items(chat, thread, "asc").stream().map(i -> i.getString("id")).toList();
    assertThat(all).hasSize(12);
    for (String order : List.of("asc", "desc")) {
      List<String> walked = new ArrayList<>();
      String after = null;
      do {
        Reply page =
            chat.json(
                "{\"type\":\"items.list\",\"params\":{\"thread_id\":\""
                    + thread
                    + "\",\"order\":\""
                    + order
                    + "\",\"limit\":5"
                    + (after == null ? "" : ",\"after\":\"" + after + "\"")
                    + "}}");
        JsonObject json = page.json();
        json.getJsonArray("data")
            .getValuesAs(JsonObject.class)
            .forEach(i -> walked.add(i.getString("id")));
        after = json.getBoolean("has_more") ? json.getString("after") : null;
      } while (after != null);
      List<String> expected = new ArrayList<>(all);
      if (order.equals("desc")) {
        Collections.reverse(expected);
      }
      assertThat(walked).as(order).isEqualTo(expected);
    }
    Reply unknownCursor =
        chat.json(
            "{\"type\":\"items.list\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"after\":\"msg_doesnotexist\"}}");
    assertThat(unknownCursor.status()).isEqualTo(400);

    for (int i = 0; i < 4; i++) {
      chat.stream(create("thread " + i));
    }
    List<String> threads = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          chat.json(
                  "{\"type\":\"threads.list\",\"params\":{\"limit\":2,\"order\":\"asc\""
                      + (after == null ? "" : ",\"after\":\"" + after + "\"")
                      + "}}")
              .json();
      page.getJsonArray("data")
          .getValuesAs(JsonObject.class)
          .forEach(t -> threads.add(t.getString("id")));
      after = page.getBoolean("has_more") ? page.getString("after") : null;
    } while (after != null);
    assertThat(threads).hasSize(5).doesNotHaveDuplicates().startsWith(thread);
  }

  @Test
  void anotherUsersThreadsItemsAndAttachments_areNotFound() throws Exception {
    ChatKitClient alice = client(user());
    ChatKitClient bob = client(user());
    Stream created =
        alice.stream(create("#script [{\"widget\":{\"type\":\"Card\",\"children\":[]}}]"));
    String thread = threadId(created);
    String item = created.events().get(1).getJsonObject("item").getString("id");
    String widget = created.events().get(3).getJsonObject("item").getString("id");
    String attachment =
        alice
            .json(
                "{\"type\":\"attachments.create\",\"params\":{\"name\":\"a.txt\",\"size\":3,"
                    + "\"mime_type\":\"text/plain\"}}")
            .json()
            .getString("id");

    String t = "\"thread_id\":\"" + thread + "\"";
    List<String> jsonRequests =
        List.of(
            "{\"type\":\"threads.get_by_id\",\"params\":{" + t + "}}",
            "{\"type\":\"threads.update\",\"params\":{" + t + ",\"title\":\"x\"}}",
            "{\"type\":\"threads.delete\",\"params\":{" + t + "}}",
            "{\"type\":\"items.list\",\"params\":{" + t + "}}",
            "{\"type\":\"items.feedback\",\"params\":{"
                + t
                + ",\"item_ids\":[\""
                + item
                + "\"],\"kind\":\"negative\"}}",
            "{\"type\":\"threads.sync_custom_action\",\"params\":{"
                + t
                + ",\"item_id\":\""
                + widget
                + "\",\"action\":{\"type\":\"x\"}}}",
            "{\"type\":\"attachments.delete\",\"params\":{\"attachment_id\":\""
                + attachment
                + "\"}}");
    List<String> streamRequests =
        List.of(
            addMessage(thread, "hi"),
            "{\"type\":\"threads.retry_after_item\",\"params\":{"
                + t
                + ",\"item_id\":\""
                + item
                + "\"}}",
            "{\"type\":\"threads.custom_action\",\"params\":{"
                + t
                + ",\"item_id\":\""
                + widget
                + "\",\"action\":{\"type\":\"x\"}}}",
            "{\"type\":\"threads.add_client_tool_output\",\"params\":{" + t + ",\"result\":{}}}",
            "{\"type\":\"threads.add_structured_input\",\"params\":{"
                + t
                + ",\"item_id\":\""
                + item
                + "\",\"input\":{}}}",
            "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"x\"}],"
                + "\"attachments\":[\""
                + attachment
                + "\"],\"inference_options\":{}}}}");
    for (String request : jsonRequests) {
      Reply reply = bob.json(request);
      assertThat(reply.status()).as(request + " -> " + reply).isEqualTo(404);
      assertThat(reply.json().getJsonObject("error").getString("code")).isEqualTo("not_found");
    }
    for (String request : streamRequests) {
      Stream reply = bob.stream(request);
      assertThat(reply.status()).as(request + " -> " + reply.body()).isEqualTo(404);
    }
    Reply content =
        new Http(base.toURI(), tokenFor("intruder"))
            .get("chatkit/attachments/" + attachment + "/content");
    assertThat(content.status()).isEqualTo(404);
    assertThat(bob.json("{\"type\":\"threads.list\",\"params\":{}}").json().getJsonArray("data"))
        .isEmpty();
    assertThat(items(alice, thread, "asc"))
        .extracting(i -> i.getString("type"))
        .containsExactly("user_message", "widget");
  }

  @Test
  void badRequests_are4xxWithAJsonBodyNamingTheProblem() throws Exception {
    ChatKitClient chat = client(user());
    assertRefused(chat.json("{\"type\":"), 400);
    assertRefused(chat.json("[]"), 400);
    assertRefused(chat.json("{\"type\":\"threads.explode\",\"params\":{}}"), 400);
    assertRefused(chat.json("{\"params\":{}}"), 400);
    assertRefused(chat.json("{\"type\":\"threads.get_by_id\",\"params\":{}}"), 400);
    assertRefused(chat.json("{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":42}}"), 400);
    assertRefused(
        chat.json("{\"type\":\"threads.list\",\"params\":{\"order\":\"sideways\"}}"), 400);
    assertRefused(
        chat.json("{\"type\":\"threads.list\",\"params\":{\"after\":\"thr_nope\"}}"), 400);
    assertRefused(
        chat.json("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":\"hi\"}}}"),
        400);
    assertRefused(
        chat.json(
            "{\"type\":\"attachments.create\",\"params\":{\"name\":\"x.exe\",\"size\":10,"
                + "\"mime_type\":\"application/x-msdownload\"}}"),
        400);
    assertRefused(
        chat.json(
            "{\"type\":\"attachments.create\",\"params\":{\"name\":\"big.png\",\"size\":999999999999,"
                + "\"mime_type\":\"image/png\"}}"),
        400);
    assertRefused(
        chat.json(
            "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\"!!!\",\"mime_type\":\"audio/webm\"}}"),
        400);
    assertRefused(
        chat.json("{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"thr_missing\"}}"),
        404);
    Reply transcribe =
        chat.json(
            "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\"AAAA\","
                + "\"mime_type\":\"audio/webm;codecs=opus\"}}");
    assertThat(transcribe.status()).as(transcribe.toString()).isEqualTo(200);
    assertThat(transcribe.json().getString("text")).isEqualTo("add a task to buy milk");
    assertThat(ItEnvironment.openAi().transcriptionRequest())
        .contains("name=\"model\"")
        .contains(".webm");

    Reply anonymous =
        new Http(base.toURI(), null).post("chatkit", "{\"type\":\"threads.list\",\"params\":{}}");
    assertThat(anonymous.status()).isEqualTo(401);
    Reply ignoresUnknownFields =
        chat.json(
            "{\"type\":\"threads.list\",\"params\":{\"future\":1},\"metadata\":{\"x\":1},\"extra\":true}");
    assertThat(ignoresUnknownFields.status()).isEqualTo(200);
  }

  @Test
  void stop_keepsThePartialAnswer_andTheThreadTakesTheNextMessageAtOnce() throws Exception {
    ChatKitClient chat = client(user());
    String thread = threadId(chat.stream(create("hello")));
    String longText = "word ".repeat(200);
    java.net.Socket live =
        chat.open(
            addMessage(
                thread,
                "#script [{\"text\":" + quote(longText) + ",\"chunks\":200,\"delay_ms\":50}]"));
    List<JsonObject> seen = ChatKitClient.read(live.getInputStream(), 12);
    assertThat(seen).extracting(e -> e.getString("type")).contains("thread.item.added");
    live.close();

    Stream next = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      next = chat.stream(addMessage(thread, "are you still there?"));
      if (!next.types().contains("error")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(next.types()).doesNotContain("error");
    List<JsonObject> stored = items(chat, thread, "asc");
    JsonObject partial = stored.get(3);
    assertThat(partial.getString("type")).isEqualTo("assistant_message");
    String partialText = partial.getJsonArray("content").getJsonObject(0).getString("text");
    assertThat(partialText).isNotBlank();
    assertThat(partialText.length()).isLessThan(longText.length());
    assertThat(stored.toString())
        .doesNotContain("sdk_hidden_context")
        .doesNotContain("cancelled the stream");
  }

  @Test
  void aSecondMessageWhileAResponseStreams_isRefusedWithARetryableError_andNotStored()
      throws Exception {
    ChatKitClient chat = client(user());
    String thread = threadId(chat.stream(create("hello")));
    CompletableFuture<Stream> slow =
        CompletableFuture.supplyAsync(
            () ->
                chat.stream(
                    addMessage(
                        thread,
                        "#script [{\"text\":\"slow answer\",\"chunks\":10,\"delay_ms\":150}]")));
    Thread.sleep(600);
    Stream concurrent = chat.stream(addMessage(thread, "impatient"));
    assertThat(concurrent.types()).containsExactly("error");
    assertThat(concurrent.events().get(0).getBoolean("allow_retry")).isTrue();
    assertThat(concurrent.body()).contains("already in progress");
    assertThat(slow.get().body()).contains("slow answer");
    assertThat(items(chat, thread, "asc").toString()).doesNotContain("impatient");
  }

  @Test
  void attachments_uploadBothWays_previewForTheOwner_andTravelWithAMessage() throws Exception {
    String owner = user();
    ChatKitClient chat = client(owner);
    Http http = new Http(base.toURI(), tokenFor(owner));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};

    JsonObject created =
        chat.json(
                "{\"type\":\"attachments.create\",\"params\":{\"name\":\"cat.png\",\"size\":8,"
                    + "\"mime_type\":\"image/png\"}}")
            .json();
    assertThat(created.getString("type")).isEqualTo("image");
    assertThat(created.containsKey("metadata")).isFalse();
    JsonObject descriptor = created.getJsonObject("upload_descriptor");
    URI uploadUrl = base.toURI().resolve(descriptor.getString("url"));
    HttpResponse<String> uploaded =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uploadUrl)
                    .method(
                        descriptor.getString("method"), HttpRequest.BodyPublishers.ofByteArray(png))
                    .header("Authorization", "Bearer " + tokenFor(owner))
                    .header("Content-Type", "image/png")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    String id = created.getString("id");
    // The preview link is signed: a browser's <img src> loads it without a token, as the owner.
    URI preview = base.toURI().resolve(created.getString("preview_url"));
    HttpResponse<byte[]> bytes =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(preview).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.body()).isEqualTo(png);
    assertThat(bytes.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    URI tampered = URI.create(preview.toString().replaceAll("sig=.", "sig=A"));
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
    URI unsigned =
        base.toURI().resolve("chatkit/attachments/" + created.getString("id") + "/content");
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(unsigned).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);

    String boundary = "----tasktalk" + UUID.randomUUID();
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nremember the milk\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> direct =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.toURI().resolve("chatkit/upload"))
                    .header("Authorization", "Bearer " + tokenFor(owner))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
    String fileId =
        jakarta.json.Json.createReader(new java.io.StringReader(direct.body()))
            .readObject()
            .getString("id");
    assertThat(http.get("chatkit/attachments/" + fileId + "/content").body())
        .isEqualTo("remember the milk");

    Stream message =
        chat.stream(
            "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":"
                + "\"input_text\",\"text\":\"see attached\"}],\"attachments\":[\""
                + id
                + "\",\""
                + fileId
                + "\"],"
                + "\"inference_options\":{}}}}");
    String thread = threadId(message);
    JsonObject userMessage = message.events().get(1).getJsonObject("item");
    List<JsonObject> attachments =
        userMessage.getJsonArray("attachments").getValuesAs(JsonObject.class);
    assertThat(attachments).extracting(a -> a.getString("id")).containsExactly(id, fileId);
    assertThat(attachments.get(0).getString("thread_id")).isEqualTo(thread);

    assertThat(
            chat.json(
                    "{\"type\":\"attachments.delete\",\"params\":{\"attachment_id\":\""
                        + fileId
                        + "\"}}")
                .body())
        .isEqualTo("{}");
    assertThat(http.get("chatkit/attachments/" + fileId + "/content").status()).isEqualTo(404);
  }

  @Test
  void plainJsonChat_andHostedSessions_workOverTheSameThreads() throws Exception {
    String owner = user();
    Http http = new Http(base.toURI(), tokenFor(owner));
    Reply reply = http.post("api/v1/chat", "{\"message\":\"hello there\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("response")).isEqualTo("You said: hello there");
    String conversation = reply.json().getString("conversation_id");
    Reply again =
        http.post(
            "api/v1/chat",
            "{\"message\":\"and again\",\"conversation_id\":\"" + conversation + "\"}");
    assertThat(again.json().getString("conversation_id")).isEqualTo(conversation);
    assertThat(again.json().getJsonArray("tool_calls")).isEmpty();
    assertThat(
            http.get("api/v1/conversations")
                .json()
                .getJsonArray("conversations")
                .getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("id"))
        .containsExactly(conversation);
    assertThat(
            http.get("api/v1/conversations/" + conversation + "/messages")
                .json()
                .getJsonArray("messages")
                .getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("role"))
        .containsExactly("user", "assistant", "user", "assistant");
    assertThat(http.post("api/v1/chat", "{\"message\":\"\"}").status()).isEqualTo(400);
    assertThat(
            http.post("api/v1/chat", "{\"message\":\"x\",\"conversation_id\":\"thr_other\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            http.as(tokenFor(user()))
                .get("api/v1/conversations/" + conversation + "/messages")
                .status())
        .isEqualTo(404);

    Reply session = http.post("api/chatkit/session", "{}");
    assertThat(session.status()).as(session.toString()).isEqualTo(200);
    assertThat(session.json().getString("client_secret")).isEqualTo("ek_test_secret");
    assertThat(session.json().getJsonNumber("expires_at").longValue()).isEqualTo(1900000000L);
    FakeOpenAi.Recorded sent = ItEnvironment.openAi().last();
    assertThat(sent.authorization()).isEqualTo("Bearer sk-test-key");
    assertThat(sent.beta()).isEqualTo("chatkit_beta=v1");
    assertThat(sent.body()).contains("\"wf_test\"").contains(quote(owner));
    assertThat(http.post("api/chatkit/refresh", "{}").status()).isEqualTo(200);
  }

  private static void assertRefused(Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    JsonObject error = reply.json().getJsonObject("error");
    assertThat(error.getString("code")).isNotBlank();
    assertThat(error.getString("message")).isNotBlank();
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
