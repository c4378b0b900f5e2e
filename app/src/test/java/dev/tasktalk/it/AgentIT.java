package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.ChatKitClient.Stream;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The assistant end to end: the deployed WAR's agent talks to a local server speaking OpenAI's
 * streaming chat completions format, calls the task tools, asks before deleting, and shows it all
 * in the ChatKit stream; {@code /api/tasks} shows the effect and the fake records what the model
 * was sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private static FakeOpenAi model() {
    return ItEnvironment.openAi();
  }

  private static String input(String text) {
    return ChatKitIT.input(text);
  }

  private static List<String> itemTypes(Stream stream, String eventType) {
    return stream.events().stream()
        .filter(e -> e.getString("type").equals(eventType))
        .map(e -> e.getJsonObject("item").getString("type"))
        .toList();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aConversation_addsListsCompletesAndDeletesTasks_withConfirmationBeforeTheDelete()
      throws Exception {
    String owner = "agent-" + UUID.randomUUID();
    String token = ItEnvironment.keys().token("HS256", owner);
    ChatKitClient chat = new ChatKitClient(base.toURI(), token);
    Http http = new Http(base.toURI(), token);

    model()
        .enqueue(
            ModelReply.tool("add_task", "{\"title\":\"Buy milk\",\"due\":\"2026-11-23\"}"),
            ModelReply.text("I added ‘Buy milk’ for tomorrow."));
    int before = model().completions().size();
    Stream added =
        chat.stream(
            "{\"type\":\"threads.create\",\"params\":{\"input\":"
                + input("add a task to buy milk")
                + "}}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.types()).startsWith("thread.created", "thread.item.done", "stream_options");
    assertThat(itemTypes(added, "thread.item.done"))
        .containsSubsequence("user_message", "workflow", "assistant_message");
    JsonObject workflow =
        added.events().stream()
            .filter(e -> e.getString("type").equals("thread.item.done"))
            .map(e -> e.getJsonObject("item"))
            .filter(i -> i.getString("type").equals("workflow"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("workflow");
    assertThat(workflow.getJsonArray("tasks").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("title"), t -> t.getString("status_indicator"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Added task ‘Buy milk’", "complete"));
    assertThat(added.body()).contains("I added ‘Buy milk’ for tomorrow.");
    assertThat(added.types()).contains("thread.updated");
    String thread = added.events().get(0).getJsonObject("thread").getString("id");
    JsonObject task = http.get("api/tasks").json().getJsonArray("items").getJsonObject(0);
    assertThat(task.getString("title")).isEqualTo("Buy milk");
    assertThat(task.getString("due")).isEqualTo("2026-11-23");
    String taskId = task.getString("id");
    assertRunRecorded(thread);
    // The model's second call of the turn carried the tool result for its call.
    String second = model().completions().get(before + 1);
    assertThat(second).contains("\"role\":\"tool\"").contains(taskId);

    model()
        .enqueue(
            ModelReply.tool("complete_task", "{\"task_id\":\"" + taskId + "\"}"),
            ModelReply.text("Marked it done."));
    int turnStart = model().completions().size();
    Stream completed = chat.stream(addMessage(thread, "mark it as done"));
    assertThat(completed.body()).contains("Completed task ‘Buy milk’");
    assertThat(http.get("api/tasks/" + taskId).json().getBoolean("completed")).isTrue();
    // History on the next turn: the first turn's tool call and its result, then the new message.
    String history = model().completions().get(turnStart);
    assertThat(history)
        .contains("add a task to buy milk")
        .contains("\"tool_calls\"")
        .contains("add_task")
        .contains("\"role\":\"tool\"")
        .contains("mark it as done");

    model()
        .enqueue(
            new ModelReply(
                "Let me delete it.",
                List.<String[]>of(new String[] {"delete_task", "{\"task_id\":\"" + taskId + "\"}"}),
                200,
                null,
                0));
    Stream asked = chat.stream(addMessage(thread, "delete it"));
    List<JsonObject> events = asked.events();
    JsonObject widget =
        events.stream()
            .filter(e -> e.getString("type").equals("thread.item.done"))
            .map(e -> e.getJsonObject("item"))
            .filter(i -> i.getString("type").equals("widget"))
            .findFirst()
            .orElseThrow();
    assertThat(itemTypes(asked, "thread.item.done")).endsWith("widget", "end_of_turn");
    JsonObject card = widget.getJsonObject("widget");
    assertThat(card.toString()).contains("Buy milk");
    assertThat(card.getJsonObject("confirm").getString("label")).isEqualTo("Confirm");
    assertThat(card.getJsonObject("cancel").getString("label")).isEqualTo("Cancel");
    JsonObject confirmAction = card.getJsonObject("confirm").getJsonObject("action");
    assertThat(confirmAction.getString("type")).isEqualTo("approval.confirm");
    assertThat(card.getJsonObject("cancel").getJsonObject("action").getString("type"))
        .isEqualTo("approval.cancel");
    assertThat(http.get("api/tasks/" + taskId).status())
        .as("nothing is deleted before the user confirms")
        .isEqualTo(200);

    model().enqueue(ModelReply.text("Deleted ‘Buy milk’."));
    int confirmStart = model().completions().size();
    Stream confirmed =
        chat.stream(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + widget.getString("id")
                + "\",\"action\":"
                + confirmAction
                + "}}");
    assertThat(confirmed.types()).startsWith("stream_options", "thread.item.replaced");
    assertThat(confirmed.body()).contains("Deleted ‘Buy milk’.");
    assertThat(http.get("api/tasks/" + taskId).status()).isEqualTo(404);
    assertThat(model().completions().get(confirmStart))
        .contains("\"role\":\"tool\"")
        .contains("deleted");
    Stream again =
        chat.stream(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + widget.getString("id")
                + "\",\"action\":"
                + confirmAction
                + "}}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(model().completions().size())
        .as("a second click does not run the tool again")
        .isLessThanOrEqualTo(confirmStart + 2);
  }

  @Test
  void aCancelledDelete_keepsTheTask_andAnotherUserCannotAnswerTheApproval() throws Exception {
    String owner = "agent-" + UUID.randomUUID();
    String token = ItEnvironment.keys().token("HS256", owner);
    ChatKitClient chat = new ChatKitClient(base.toURI(), token);
    Http http = new Http(base.toURI(), token);
    String taskId = http.post("api/tasks", "{\"title\":\"Call mum\"}").json().getString("id");

    model().enqueue(ModelReply.tool("delete_task", "{\"task_id\":\"" + taskId + "\"}"));
    Stream asked =
        chat.stream(
            "{\"type\":\"threads.create\",\"params\":{\"input\":"
                + input("delete call mum")
                + "}}");
    String thread = asked.events().get(0).getJsonObject("thread").getString("id");
    JsonObject widget =
        asked.events().stream()
            .filter(e -> e.getString("type").equals("thread.item.done"))
            .map(e -> e.getJsonObject("item"))
            .filter(i -> i.getString("type").equals("widget"))
            .findFirst()
            .orElseThrow();
    JsonObject cancel =
        widget.getJsonObject("widget").getJsonObject("cancel").getJsonObject("action");

    ChatKitClient intruder =
        new ChatKitClient(base.toURI(), ItEnvironment.keys().token("HS256", "intruder-" + owner));
    Stream refused =
        intruder.stream(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + widget.getString("id")
                + "\",\"action\":"
                + cancel
                + "}}");
    assertThat(refused.status()).isEqualTo(404);

    model().enqueue(ModelReply.text("OK, I kept it."));
    Stream cancelled =
        chat.stream(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + widget.getString("id")
                + "\",\"action\":"
                + cancel
                + "}}");
    assertThat(cancelled.types()).startsWith("stream_options", "thread.item.replaced");
    assertThat(cancelled.body()).contains("OK, I kept it.");
    assertThat(http.get("api/tasks/" + taskId).status()).isEqualTo(200);
  }

  @Test
  void providerFailures_becomeReadableErrors_andRetryWorksAfterwards() throws Exception {
    String token = ItEnvironment.keys().token("HS256", "agent-" + UUID.randomUUID());
    ChatKitClient chat = new ChatKitClient(base.toURI(), token);

    model()
        .enqueue(
            ModelReply.error(429, "rate_limit_exceeded"),
            ModelReply.error(429, "rate_limit_exceeded"),
            ModelReply.error(429, "rate_limit_exceeded"));
    Stream limited =
        chat.stream("{\"type\":\"threads.create\",\"params\":{\"input\":" + input("hello") + "}}");
    JsonObject error = limited.events().get(limited.events().size() - 1);
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getString("code")).isEqualTo("custom");
    assertThat(error.getBoolean("allow_retry")).isTrue();
    assertThat(error.getString("message")).isNotBlank().doesNotContain("Exception");
    String thread = limited.events().get(0).getJsonObject("thread").getString("id");
    String userMessage = limited.events().get(1).getJsonObject("item").getString("id");

    model().enqueue(ModelReply.text("Hello again!"));
    Stream retried =
        chat.stream(
            "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + thread
                + "\",\"item_id\":\""
                + userMessage
                + "\"}}");
    assertThat(retried.body()).contains("Hello again!");

    model().enqueue(ModelReply.error(401, "invalid_api_key"));
    Stream badKey = chat.stream(addMessage(thread, "are you there?"));
    JsonObject refusal = badKey.events().get(badKey.events().size() - 1);
    assertThat(refusal.getString("type")).isEqualTo("error");
    assertThat(refusal.getBoolean("allow_retry")).isFalse();
    assertThat(refusal.getString("message")).containsIgnoringCase("key");
  }

  /** The turn's run carries the model, the fake's token usage and a time to first token. */
  private static void assertRunRecorded(String thread) throws Exception {
    try (var connection =
            ItEnvironment.postgres().getDatabase("postgres", "tasktalk").getConnection();
        var query =
            connection.prepareStatement(
                "select status, model, input_tokens, output_tokens,"
                    + " first_token_ms, finished_at - started_at from runs where thread_id = ?")) {
      query.setString(1, thread);
      try (var rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("completed");
        assertThat(rows.getString(2)).isEqualTo("fake-model");
        assertThat(rows.getLong(3)).isGreaterThanOrEqualTo(42L);
        assertThat(rows.getLong(4)).isGreaterThanOrEqualTo(7L);
        assertThat(rows.getObject(5)).isNotNull();
        assertThat(rows.getObject(6)).isNotNull();
      }
    }
  }

  private static String addMessage(String thread, String text) {
    return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\""
        + thread
        + "\",\"input\":"
        + input(text)
        + "}}";
  }
}
