package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.AgentFixture.json;
import static dev.tasktalk.application.service.agent.ScriptedModel.call;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.application.port.out.llm.ToolDefinition;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentResponderHandoffTest {

  private static final String HANDED_OFF =
      "{\"type\":\"custom\",\"title\":\"Handed off to Urdu specialist\","
          + "\"status_indicator\":\"complete\"}";

  private final AgentFixture chat = new AgentFixture();

  private static String system(ModelRequest request) {
    return ((ModelMessage.System) request.messages().get(0)).text();
  }

  @Test
  void givenTheOrchestratorCallsTheHandoffTool_theSpecialistTakesOver_andTheWorkflowNamesIt() {
    chat.model.reply(call("call_h", "transfer_to_urdu_specialist", "{}")).reply(text("جی، بتائیے"));

    List<ThreadEvent> events = chat.say("Please answer me in Urdu from now on");

    assertThat(Events.kinds(events))
        .startsWith(
            "added:workflow",
            "update:workflow.task.added",
            "done:hidden_context_item",
            "done:workflow",
            "added:assistant_message");
    assertThat(Events.updates(events).get(0).path("task")).isEqualTo(json(HANDED_OFF));
    assertThat(
            Events.payload(Events.done(events, ItemType.WORKFLOW).get(0))
                .path("workflow")
                .path("summary"))
        .isEqualTo(json("{\"title\":\"Urdu specialist\"}"));
    ModelRequest second = chat.model.requests().get(1);
    assertThat(system(second)).startsWith("You are Tasktalk's Urdu specialist");
    assertThat(second.tools())
        .extracting(ToolDefinition::name)
        .doesNotContain("transfer_to_urdu_specialist")
        .contains("add_task", "delete_task");
    assertThat(second.messages())
        .contains(
            new ModelMessage.ToolResult(
                "call_h", "transfer_to_urdu_specialist", "{\"assistant\":\"Urdu specialist\"}"));
    assertThat(chat.toolbox.calls()).isEmpty();
  }

  @Test
  void givenAMessageInUrduScript_theSpecialistAnswersFromTheFirstModelCall() {
    chat.model.reply(text("ٹھیک ہے"));

    List<ThreadEvent> events = chat.say("دودھ خریدنے کا کام شامل کرو");

    assertThat(Events.kinds(events))
        .startsWith(
            "added:workflow",
            "update:workflow.task.added",
            "done:workflow",
            "added:assistant_message");
    assertThat(Events.updates(events).get(0).path("task")).isEqualTo(json(HANDED_OFF));
    assertThat(chat.model.requests()).hasSize(1);
    assertThat(system(chat.model.lastRequest())).startsWith("You are Tasktalk's Urdu specialist");
  }

  @Test
  void givenAMessageMostlyInLatinScript_theOrchestratorAnswers() {
    chat.model.reply(text("Sure."));

    List<ThreadEvent> events = chat.say("Add a task called شکریہ for tomorrow please");

    assertThat(Events.kinds(events)).first().isEqualTo("added:assistant_message");
    assertThat(system(chat.model.lastRequest())).startsWith("You are Tasktalk,");
  }

  @Test
  void givenTheSpecialistAskedForAConfirmation_theClick_continuesWithTheSpecialist() {
    chat.model.reply(call("call_9", "delete_task", "{\"id\":\"t1\"}"));
    chat.say("دودھ والا کام حذف کرو");
    ThreadItem card = chat.lastStored(ItemType.WIDGET);
    chat.model.reply(text("حذف ہو گیا"));

    chat.click("approval.confirm", card);

    assertThat(system(chat.model.lastRequest())).startsWith("You are Tasktalk's Urdu specialist");
    assertThat(
            Events.payload(chat.stored(ItemType.HIDDEN_CONTEXT).get(0))
                .path("content")
                .path("agent")
                .asString())
        .isEqualTo("Urdu specialist");
  }

  @Test
  void urduScriptDetection_countsLettersOnly() {
    assertThat(Scripts.mostlyUrdu("میرے کام دکھاؤ 123 !!!")).isTrue();
    assertThat(Scripts.mostlyUrdu("show my tasks: کام")).isFalse();
    assertThat(Scripts.mostlyUrdu("123")).isFalse();
  }

  @Test
  void handoffToolNames_areSlugsOfTheAgentName() {
    assertThat(AgentProfile.handoffTool("Urdu specialist"))
        .isEqualTo("transfer_to_urdu_specialist");
  }
}
