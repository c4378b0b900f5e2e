package dev.tasktalk.application.service.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.json.Json;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingItemTest {

  private static PendingItem pending(ItemType type, String payload) {
    return new PendingItem(
        new ThreadItem(
            new ItemId("x_1"),
            new ThreadId("thr_1"),
            type,
            Instant.parse("2026-11-22T10:00:00Z"),
            payload));
  }

  private static void apply(PendingItem item, String update) {
    item.apply(Json.parseObject(update));
  }

  @Test
  void anAssistantMessage_accumulatesDeltasAndAnnotations_perContentPart() {
    PendingItem message = pending(ItemType.ASSISTANT_MESSAGE, "{\"content\":[]}");

    apply(
        message,
        "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":1,\"delta\":\"B\"}");
    apply(
        message,
        "{\"type\":\"assistant_message.content_part.added\",\"content_index\":0,"
            + "\"content\":{\"annotations\":[],\"text\":\"\",\"type\":\"output_text\"}}");
    apply(
        message,
        "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\"Hel\"}");
    apply(
        message,
        "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\"lo\"}");
    apply(
        message,
        "{\"type\":\"assistant_message.content_part.annotation_added\",\"content_index\":0,"
            + "\"annotation_index\":0,\"annotation\":{\"type\":\"annotation\",\"index\":5}}");
    apply(
        message,
        "{\"type\":\"assistant_message.content_part.annotation_added\",\"content_index\":0,"
            + "\"annotation_index\":0,\"annotation\":{\"type\":\"annotation\",\"index\":1}}");
    apply(message, "{\"type\":\"widget.root.updated\",\"widget\":{}}");

    assertThat(message.hasText()).isTrue();
    assertThat(message.snapshot().payload())
        .isEqualTo(
            "{\"content\":[{\"annotations\":[{\"type\":\"annotation\","
                + "\"index\":1},{\"type\":\"annotation\",\"index\":5}],\"text\":\"Hello\",\"type\":\"output_text\"},"
                + "{\"annotations\":[],\"text\":\"B\",\"type\":\"output_text\"}]}");
  }

  @Test
  void contentPartDone_replacesWhatWasStreamed() {
    PendingItem message =
        pending(
            ItemType.ASSISTANT_MESSAGE,
            "{\"content\":[{\"text\":\"draft\",\"type\":\"output_text\"}]}");

    apply(
        message,
        "{\"type\":\"assistant_message.content_part.done\",\"content_index\":0,"
            + "\"content\":{\"annotations\":[],\"text\":\"final\",\"type\":\"output_text\"}}");

    assertThat(ItemPayloads.assistantText(message.snapshot())).isEqualTo("final");
  }

  @Test
  void blankText_doesNotCountAsAnAnswer() {
    PendingItem message = pending(ItemType.ASSISTANT_MESSAGE, "{\"content\":[]}");
    apply(
        message,
        "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\" "
            + " \"}");

    assertThat(message.hasText()).isFalse();
  }

  @Test
  void aWorkflow_addsAndUpdatesTasks() {
    PendingItem workflow =
        pending(ItemType.WORKFLOW, "{\"workflow\":{\"type\":\"custom\",\"tasks\":[]}}");

    apply(
        workflow,
        "{\"type\":\"workflow.task.added\",\"task_index\":0,\"task\":{\"type\":\"custom\",\"title\":\"a\"}}");
    apply(
        workflow,
        "{\"type\":\"workflow.task.updated\",\"task_index\":0,\"task\":{\"type\":\"custom\",\"title\":\"b\"}}");
    apply(workflow, "{\"type\":\"workflow.task.updated\",\"task_index\":7,\"task\":{}}");

    assertThat(workflow.snapshot().payload())
        .isEqualTo(
            "{\"workflow\":{\"type\":\"custom\",\"tasks\":[{\"type\":\"custom\",\"title\":\"b\"}]}}");
  }
}
