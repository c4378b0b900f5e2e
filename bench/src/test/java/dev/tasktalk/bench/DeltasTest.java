package dev.tasktalk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeltasTest {

  @Test
  void aChatKitTextDelta_isFoundWithoutParsing() {
    String event =
        "{\"type\":\"thread.item.updated\",\"item_id\":\"msg_1\",\"update\":{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\""
            + " w17\"}}";

    assertThat(Deltas.quickText(event)).isEqualTo(" w17");
  }

  @Test
  void aCompletionChunk_givesItsContent() {
    String chunk =
        "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
            + " w3\"},\"finish_reason\":null}]}";

    assertThat(Deltas.quickText(chunk)).isEqualTo(" w3");
  }

  @Test
  void escapesAndOtherEvents_areLeftToTheJsonParser() {
    assertThat(
            Deltas.quickText(
                "{\"type\":\"thread.item.updated\",\"update\":{\"type\":\"assistant_message.content_part.text_delta\",\"delta\":\"say"
                    + " \\\"hi\\\"\"}}"))
        .isNull();
    assertThat(Deltas.quickText("{\"type\":\"thread.created\",\"thread\":{\"id\":\"thr_1\"}}"))
        .isNull();
    assertThat(
            Deltas.quickText(
                "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"))
        .isNull();
  }
}
