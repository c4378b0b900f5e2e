package dev.tasktalk.adapter.in.rest.chatkit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserContent;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.thread.ThreadNotFoundException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatKitRequestParserTest {

  private static final String INPUT =
      "{\"content\":[{\"type\":\"input_text\",\"text\":\"Hi"
          + " there!\"}],\"quoted_text\":\"\",\"attachments\":[],\"inference_options\":{}}";

  private static void refused(String json, String field) {
    assertThatThrownBy(() -> ChatKitRequestParser.parse(json))
        .as(json)
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }

  @Test
  void theRealClientsFirstMessage_parses() {
    ChatKitRequest request =
        ChatKitRequestParser.parse(
            "{\"type\":\"threads.create\",\"params\":{\"input\":" + INPUT + "}}");

    assertThat(request)
        .isInstanceOfSatisfying(
            ChatKitRequest.CreateThread.class,
            create -> {
              assertThat(create.input().content())
                  .containsExactly(new UserContent.InputText("Hi there!"));
              assertThat(create.input().quotedText()).isEmpty();
              assertThat(create.input().inferenceOptions())
                  .isEqualTo(ChatKitRequest.InferenceOptions.NONE);
            });
    assertThat(request.streaming()).isTrue();
    assertThat(request.type()).isEqualTo("threads.create");
  }

  @Test
  void everyRequestTypeOfTheProtocol_parses() {
    Map<String, String> params =
        Map.ofEntries(
            Map.entry("threads.get_by_id", "{\"thread_id\":\"thr_1\"}"),
            Map.entry("threads.create", "{\"input\":" + INPUT + "}"),
            Map.entry("threads.list", "{}"),
            Map.entry(
                "threads.add_user_message", "{\"thread_id\":\"thr_1\",\"input\":" + INPUT + "}"),
            Map.entry(
                "threads.add_client_tool_output",
                "{\"thread_id\":\"thr_1\",\"result\":{\"ok\":true}}"),
            Map.entry(
                "threads.add_structured_input",
                "{\"thread_id\":\"thr_1\",\"item_id\":\"si_1\",\"input\":{}}"),
            Map.entry(
                "threads.retry_after_item", "{\"thread_id\":\"thr_1\",\"item_id\":\"msg_1\"}"),
            Map.entry(
                "threads.custom_action",
                "{\"thread_id\":\"thr_1\",\"item_id\":null,\"action\":{\"type\":\"go\"}}"),
            Map.entry(
                "threads.sync_custom_action",
                "{\"thread_id\":\"thr_1\",\"action\":{\"type\":\"go\"}}"),
            Map.entry("threads.update", "{\"thread_id\":\"thr_1\",\"title\":\"T\"}"),
            Map.entry("threads.delete", "{\"thread_id\":\"thr_1\"}"),
            Map.entry("items.list", "{\"thread_id\":\"thr_1\"}"),
            Map.entry(
                "items.feedback",
                "{\"thread_id\":\"thr_1\",\"item_ids\":[\"msg_1\"],\"kind\":\"negative\"}"),
            Map.entry(
                "attachments.create",
                "{\"name\":\"a.png\",\"size\":3,\"mime_type\":\"image/png\"}"),
            Map.entry("attachments.delete", "{\"attachment_id\":\"atc_1\"}"),
            Map.entry(
                "input.transcribe", "{\"audio_base64\":\"AQID\",\"mime_type\":\"audio/mp4\"}"));
    assertThat(params).hasSize(ChatKitRequest.Type.values().length);

    for (ChatKitRequest.Type type : ChatKitRequest.Type.values()) {
      ChatKitRequest request =
          ChatKitRequestParser.parse(
              "{\"type\":\""
                  + type.wireName()
                  + "\",\"params\":"
                  + params.get(type.wireName())
                  + ",\"metadata\":{\"x\":1},\"new\":2}");
      assertThat(request.kind()).isEqualTo(type);
    }
  }

  @Test
  void listDefaults_areTwentyNewestFirst_andLimitsAreCapped() {
    assertThat(ChatKitRequestParser.parse("{\"type\":\"threads.list\",\"params\":{}}"))
        .isEqualTo(new ChatKitRequest.ListThreads(20, true, null));
    assertThat(
            ChatKitRequestParser.parse(
                "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"thr_1\",\"limit\":500,\"order\":\"asc\",\"after\":\"msg_9\"}}"))
        .isEqualTo(
            new ChatKitRequest.ListItems(
                new dev.tasktalk.domain.thread.ThreadId("thr_1"),
                100,
                false,
                new dev.tasktalk.domain.item.ItemId("msg_9")));
  }

  @Test
  void unknownFields_areIgnoredEverywhere() {
    ChatKitRequest request =
        ChatKitRequestParser.parse(
            "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"thr_1\","
                + "\"future\":true,\"input\":{\"content\":[{\"type\":\"input_tag\",\"id\":\"t\",\"text\":\"Bob\",\"new\":1}],"
                + "\"attachments\":[],\"inference_options\":{\"tool_choice\":null,\"model\":\"m\",\"effort\":\"high\"}}}}");

    assertThat(request)
        .isInstanceOfSatisfying(
            ChatKitRequest.AddUserMessage.class,
            add -> {
              assertThat(add.input().content())
                  .containsExactly(new UserContent.InputTag("t", "Bob", "{}", null, false));
              assertThat(add.input().inferenceOptions())
                  .isEqualTo(new ChatKitRequest.InferenceOptions(null, "m"));
            });
  }

  @Test
  void bodyErrors_nameTheBody() {
    refused("", "body");
    refused("not json", "body");
    refused("[1,2]", "body");
    refused("null", "body");
    refused("{\"type\":\"threads.list\",\"params\":{}} trailing", "body");
  }

  @Test
  void aNulAnywhere_isRefusedWithItsPath_beforeItCanReachTheDatabase() {
    refused(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
            + "[{\"type\":\"input_text\",\"text\":\"hi\\u0000there\"}],\"attachments\":[],\"inference_options\":{}}}}",
        "params.input.content[0].text");
    refused(
        "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"thr_1\",\"title\":\"\\u0000\"}}",
        "params.title");
    refused("{\"type\":\"threads.list\",\"params\":{\"a\\u0000\":1}}", "params.a\0");
  }

  @Test
  void aBodyNestedThousandsDeep_isRefusedAsTheBody() {
    refused(
        "{\"type\":\"threads.list\",\"params\":{\"x\":"
            + "[".repeat(10_000)
            + "]".repeat(10_000)
            + "}}",
        "body");
  }

  @Test
  void typeErrors_nameTheType() {
    refused("{\"params\":{}}", "type");
    refused("{\"type\":7,\"params\":{}}", "type");
    refused("{\"type\":\"threads.explode\",\"params\":{}}", "type");
  }

  @Test
  void paramErrors_nameTheParamPath() {
    refused("{\"type\":\"threads.list\"}", "params");
    refused("{\"type\":\"threads.get_by_id\",\"params\":{}}", "params.thread_id");
    refused("{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":5}}", "params.thread_id");
    refused("{\"type\":\"threads.create\",\"params\":{\"input\":{}}}", "params.input.content");
    refused(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_image\"}]}}}",
        "params.input.content[0].type");
    refused(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\"}]}}}",
        "params.input.content[0].text");
    refused(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
            + "  \"}]}}}",
        "params.input.content");
    refused(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[],\"attachments\":[3]}}}",
        "params.input.attachments[0]");
    refused("{\"type\":\"threads.list\",\"params\":{\"limit\":0}}", "params.limit");
    refused("{\"type\":\"threads.list\",\"params\":{\"limit\":2.5}}", "params.limit");
    refused("{\"type\":\"threads.list\",\"params\":{\"order\":\"sideways\"}}", "params.order");
    refused("{\"type\":\"threads.list\",\"params\":{\"after\":\"bad cursor!\"}}", "params.after");
    refused(
        "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"thr_1\",\"item_ids\":[],\"kind\":\"positive\"}}",
        "params.item_ids");
    refused(
        "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"thr_1\",\"item_ids\":[\"m_1\"],\"kind\":\"meh\"}}",
        "params.kind");
    refused(
        "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"thr_1\"}}",
        "params.action");
    refused(
        "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"thr_1\",\"action\":{}}}",
        "params.action.type");
    refused(
        "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\"thr_1\"}}",
        "params.result");
    refused(
        "{\"type\":\"threads.add_structured_input\",\"params\":{\"thread_id\":\"thr_1\",\"item_id\":\"si_1\","
            + "\"input\":{\"status\":\"maybe\"}}}",
        "params.input.status");
    refused(
        "{\"type\":\"threads.add_structured_input\",\"params\":{\"thread_id\":\"thr_1\",\"item_id\":\"si_1\","
            + "\"input\":{\"answers\":{\"q1\":{\"values\":[1]}}}}}",
        "params.input.answers.q1.values[0]");
    refused(
        "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"thr_1\",\"title\":\""
            + "t".repeat(201)
            + "\"}}",
        "params.title");
    refused(
        "{\"type\":\"attachments.create\",\"params\":{\"name\":\"a\",\"size\":\"big\",\"mime_type\":\"text/plain\"}}",
        "params.size");
    refused(
        "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\"\",\"mime_type\":\"audio/mp4\"}}",
        "params.audio_base64");
  }

  @Test
  void messagesLongerThanAHundredThousandCharacters_areRefused() {
    char[] text = new char[100_001];
    Arrays.fill(text, 'a');
    refused(
        "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
            + new String(text)
            + "\"}]}}}",
        "params.input.content");
    assertThat(
            ChatKitRequestParser.parse(
                "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                    + "[{\"type\":\"input_text\",\"text\":\""
                    + new String(text, 1, 100_000)
                    + "\"}]}}}"))
        .isNotNull();
  }

  @Test
  void malformedIds_areNotFound_likeTheDomainIds() {
    assertThatThrownBy(
            () ->
                ChatKitRequestParser.parse(
                    "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"../x\"}}"))
        .isInstanceOf(ThreadNotFoundException.class);
    assertThatThrownBy(
            () ->
                ChatKitRequestParser.parse(
                    "{\"type\":\"attachments.delete\",\"params\":{\"attachment_id\":\"a b\"}}"))
        .isInstanceOf(AttachmentNotFoundException.class);
  }

  @Test
  void structuredAnswers_defaultToAnswered_andKeepTheirValues() {
    ChatKitRequest request =
        ChatKitRequestParser.parse(
            "{\"type\":\"threads.add_structured_input\",\"params\":"
                + "{\"thread_id\":\"thr_1\",\"item_id\":\"si_1\",\"input\":{\"answers\":{\"q1\":{\"values\":[\"A\"]},\"q2\":{\"skipped\":true}}}}}");

    assertThat(((ChatKitRequest.AddStructuredInput) request).input())
        .isEqualTo(
            new ChatKitRequest.StructuredAnswers(
                false,
                Map.of(
                    "q1",
                    new ChatKitRequest.Answer(java.util.List.of("A"), false),
                    "q2",
                    new ChatKitRequest.Answer(java.util.List.of(), true))));
  }

  @Test
  void toolResults_andActionPayloads_areKeptAsCompactJson() {
    ChatKitRequest output =
        ChatKitRequestParser.parse(
            "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\"thr_1\",\"result\":"
                + " { \"a\" : [1, 2] }}}");
    ChatKitRequest action =
        ChatKitRequestParser.parse(
            "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":"
                + "\"thr_1\",\"item_id\":\"wid_1\",\"action\":{\"type\":\"save\",\"payload\":{\"form\":{\"x\":\"y\"}},\"loadingBehavior\":\"auto\"}}}");

    assertThat(((ChatKitRequest.AddClientToolOutput) output).result()).isEqualTo("{\"a\":[1,2]}");
    assertThat(((ChatKitRequest.CustomAction) action).action())
        .isEqualTo(new ChatKitRequest.Action("save", "{\"form\":{\"x\":\"y\"}}"));
  }
}
