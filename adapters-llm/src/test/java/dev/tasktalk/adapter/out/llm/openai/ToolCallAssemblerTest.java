package dev.tasktalk.adapter.out.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ToolCallAssemblerTest {

  private final ToolCallAssembler assembler = new ToolCallAssembler();

  private void accept(String toolCalls) {
    assembler.accept(JsonMapper.shared().readTree(toolCalls));
  }

  private List<String> arguments() {
    return assembler.calls().stream().map(ToolCallAssembler.Assembled::arguments).toList();
  }

  @Test
  void givenFragmentsWithoutIndexOrId_accept_appendsToTheLastCall() {
    accept("[{\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"ti\"}}]");
    accept("[{\"function\":{\"arguments\":\"tle\\\":\\\"milk\\\"}\"}}]");

    assertThat(arguments()).containsExactly("{\"title\":\"milk\"}");
  }

  @Test
  void givenARepeatedNameOnEveryFragment_accept_keepsOneCallUntilItsArgumentsAreWhole() {
    accept("[{\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\"}}]");
    accept("[{\"function\":{\"name\":\"add_todo\",\"arguments\":\"\\\"milk\\\"}\"}}]");
    accept(
        "[{\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\\\"eggs\\\"}\"}}]");

    assertThat(arguments()).containsExactly("{\"title\":\"milk\"}", "{\"title\":\"eggs\"}");
  }

  @Test
  void givenAnIdOnEveryFragmentWithoutIndex_accept_matchesById() {
    accept(
        "[{\"id\":\"call_a\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{\\\"title\\\":\"}}]");
    accept("[{\"id\":\"call_b\",\"function\":{\"name\":\"list_todos\",\"arguments\":\"{\"}}]");
    accept("[{\"id\":\"call_a\",\"function\":{\"arguments\":\"\\\"milk\\\"}\"}}]");
    accept("[{\"id\":\"call_b\",\"function\":{\"arguments\":\"}\"}}]");

    assertThat(assembler.calls())
        .extracting(ToolCallAssembler.Assembled::providerId)
        .containsExactly("call_a", "call_b");
    assertThat(arguments()).containsExactly("{\"title\":\"milk\"}", "{}");
  }

  @Test
  void givenAMetadataOnlyDelta_accept_keepsItsFieldsOnTheCall() {
    accept(
        "[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"add_todo\",\"arguments\":\"{}\"}}]");
    accept("[{\"index\":0,\"extra_content\":{\"google\":{\"thought_signature\":\"c2ln\"}}}]");

    assertThat(assembler.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.arguments()).isEqualTo("{}");
              assertThat(call.extras().toString())
                  .isEqualTo("{\"extra_content\":{\"google\":{\"thought_signature\":\"c2ln\"}}}");
            });
  }

  @Test
  void givenNothingUsable_calls_isEmpty() {
    accept("null");
    accept("[{\"index\":0,\"type\":\"function\"}]");

    assertThat(assembler.calls()).isEmpty();
  }
}
