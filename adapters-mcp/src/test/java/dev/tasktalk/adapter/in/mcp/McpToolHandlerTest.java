package dev.tasktalk.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.user.UserId;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpToolHandlerTest {

  /** A destructive tool that is not delete_task: the same rule must hold for it. */
  private static final ToolSpec WIPE =
      new ToolSpec(
          "wipe_notes",
          "Wipes every note.",
          "{\"type\":\"object\",\"properties\":{\"folder\":{\"type\":\"string\"}},\"additionalProperties\":false}",
          null,
          false,
          true,
          false,
          "wipe all notes");

  private final List<String> calls = new ArrayList<>();
  private final List<ToolContext> contexts = new ArrayList<>();
  private ToolOutcome next =
      new ToolOutcome(false, "{\"task\":{\"id\":\"t1\",\"title\":\"Milk\"}}", "Added");

  private final Toolbox toolbox =
      new Toolbox() {
        @Override
        public List<ToolSpec> specs() {
          return List.of(
              new ToolSpec(
                  "delete_task",
                  "Delete.",
                  "{\"type\":\"object\"}",
                  "{\"type\":\"object\"}",
                  false,
                  true,
                  true),
              WIPE);
        }

        @Override
        public ToolOutcome call(ToolContext context, String name, String arguments) {
          contexts.add(context);
          calls.add(name + " " + arguments);
          return next;
        }

        @Override
        public ToolOutcome describe(ToolContext context, String name, String arguments) {
          return new ToolOutcome(
              false, "{\"task\":{\"id\":\"t1\",\"title\":\"Milk\"}}", "Delete task ‘Milk’?");
        }
      };

  private final McpToolHandler handler = new McpToolHandler(toolbox, TaskMcpServer.json());
  private final McpTransportContext alice = McpCaller.context(new UserId("alice"));

  @Test
  void givenSuccess_call_returnsStructuredContentForTheAuthenticatedOwner() {
    CallToolResult result =
        handler.call(alice, new CallToolRequest("add_task", Map.of("title", "Milk")));

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent())
        .isEqualTo(Map.of("task", Map.of("id", "t1", "title", "Milk")));
    assertThat(((TextContent) result.content().get(0)).text()).contains("\"t1\"");
    assertThat(contexts)
        .singleElement()
        .satisfies(
            context -> {
              assertThat(context.owner()).isEqualTo(new UserId("alice"));
              assertThat(context.surface()).isEqualTo(ToolContext.MCP);
            });
  }

  @Test
  void givenDomainError_call_returnsIsErrorWithoutStructuredContent() {
    next = new ToolOutcome(true, "{\"error\":\"no task with id x\"}", "Couldn't read task");

    CallToolResult result =
        handler.call(alice, new CallToolRequest("get_task", Map.of("task_id", "x")));

    assertThat(result.isError()).isTrue();
    assertThat(result.structuredContent()).isNull();
    assertThat(((TextContent) result.content().get(0)).text()).contains("no task with id x");
  }

  @Test
  void givenDeleteWithoutConfirm_call_refusesNamingConfirmAndDeletesNothing() {
    for (Map<String, Object> arguments :
        List.of(
            Map.<String, Object>of("task_id", "t1"),
            Map.<String, Object>of("task_id", "t1", "confirm", false))) {
      CallToolResult result = handler.call(alice, new CallToolRequest("delete_task", arguments));

      assertThat(result.isError()).isTrue();
      assertThat(((TextContent) result.content().get(0)).text()).contains("confirm");
    }
    assertThat(calls).isEmpty();

    handler.call(
        alice, new CallToolRequest("delete_task", Map.of("task_id", "t1", "confirm", true)));
    assertThat(calls).singleElement().asString().startsWith("delete_task ");
  }

  @Test
  void givenAClientThatCanElicit_delete_asksTheUserAndObeysTheAnswer() {
    List<String> asked = new ArrayList<>();
    CallToolRequest delete = new CallToolRequest("delete_task", Map.of("task_id", "t1"));

    CallToolResult declined =
        handler.call(
            alice,
            delete,
            question -> {
              asked.add(question);
              return java.util.Optional.of(false);
            });
    assertThat(declined.isError()).isTrue();
    assertThat(((TextContent) declined.content().get(0)).text()).contains("declined");
    assertThat(calls).isEmpty();

    CallToolResult accepted =
        handler.call(
            alice,
            delete,
            question -> {
              asked.add(question);
              return java.util.Optional.of(true);
            });
    assertThat(accepted.isError()).isFalse();
    assertThat(calls).singleElement().asString().startsWith("delete_task ");
    assertThat(asked).containsExactly("Delete task ‘Milk’?", "Delete task ‘Milk’?");
  }

  @Test
  void givenAnotherDestructiveTool_call_needsConfirmTrue_andTheToolNeverSeesConfirm() {
    CallToolResult refused =
        handler.call(alice, new CallToolRequest("wipe_notes", Map.of("folder", "work")));

    assertThat(refused.isError()).isTrue();
    assertThat(((TextContent) refused.content().get(0)).text())
        .contains("wipe_notes needs confirm: true")
        .contains("“wipe all notes”");
    assertThat(calls).isEmpty();

    CallToolResult done =
        handler.call(
            alice, new CallToolRequest("wipe_notes", Map.of("folder", "work", "confirm", true)));

    assertThat(done.isError()).isFalse();
    assertThat(calls).containsExactly("wipe_notes {\"folder\":\"work\"}");
  }

  @Test
  void givenAnotherDestructiveTool_aClientThatCanElicit_isAsked_andADeclineNamesTheAction() {
    List<String> asked = new ArrayList<>();

    CallToolResult declined =
        handler.call(
            alice,
            new CallToolRequest("wipe_notes", Map.of()),
            question -> {
              asked.add(question);
              return java.util.Optional.of(false);
            });

    assertThat(asked).containsExactly("Delete task ‘Milk’?");
    assertThat(declined.isError()).isTrue();
    assertThat(((TextContent) declined.content().get(0)).text())
        .isEqualTo("{\"error\":\"the user declined “wipe all notes”; nothing was done\"}");
    assertThat(calls).isEmpty();
  }

  @Test
  void describe_givesEveryDestructiveToolTheMcpOnlyConfirmArgument() {
    Tool wipe = McpTools.describe(WIPE, TaskMcpServer.json());

    assertThat(wipe.description()).startsWith("Wipes every note.").contains("confirm: true");
    assertThat(wipe.inputSchema()).containsEntry("additionalProperties", false);
    assertThat(((Map<?, ?>) wipe.inputSchema().get("properties")).keySet().toString())
        .isEqualTo("[folder, confirm]");
  }

  @Test
  void givenNoOwnerInTheContext_call_refusesWithoutCallingTheToolbox() {
    CallToolResult result =
        handler.call(McpTransportContext.EMPTY, new CallToolRequest("list_tasks", Map.of()));

    assertThat(result.isError()).isTrue();
    assertThat(calls).isEmpty();
  }

  @Test
  void describe_carriesSchemasAndHints() {
    Tool tool = McpTools.describe(toolbox.specs().get(0), TaskMcpServer.json());

    assertThat(tool.inputSchema()).containsEntry("type", "object");
    assertThat(tool.outputSchema()).containsEntry("type", "object");
    assertThat(tool.annotations().readOnlyHint()).isFalse();
    assertThat(tool.annotations().destructiveHint()).isTrue();
    assertThat(tool.annotations().idempotentHint()).isTrue();
    assertThat(tool.description()).contains("confirm: true");
  }
}
