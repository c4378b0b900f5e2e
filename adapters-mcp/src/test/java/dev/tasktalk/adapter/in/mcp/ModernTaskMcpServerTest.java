package dev.tasktalk.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.user.UserId;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.modern.JsonRpc.JSONRPCRequest;
import io.modelcontextprotocol.modern.JsonRpc.JSONRPCResponse;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 2026-07-28 server over the SDK's request manager, without HTTP. */
class ModernTaskMcpServerTest {

  private static final String TASK = "{\"task\":{\"id\":\"t1\",\"title\":\"Milk\"}}";
  private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {};

  private final List<String> calls = new ArrayList<>();

  private final Toolbox toolbox =
      new Toolbox() {
        @Override
        public List<ToolSpec> specs() {
          String input =
              "{\"type\":\"object\",\"properties\":{\"task_id\":{\"type\":\"string\"},"
                  + "\"confirm\":{\"type\":\"boolean\"}},\"required\":[\"task_id\"]}";
          return List.of(
              new ToolSpec(
                  "list_tasks",
                  "List.",
                  "{\"type\":\"object\"}",
                  "{\"type\":\"object\"}",
                  true,
                  false,
                  true),
              new ToolSpec(
                  "delete_task", "Delete.", input, "{\"type\":\"object\"}", false, true, true),
              new ToolSpec(
                  "add_task",
                  "Add.",
                  "{\"type\":\"object\"}",
                  "{\"type\":\"object\"}",
                  false,
                  false,
                  false),
              new ToolSpec(
                  "wipe_notes",
                  "Wipe.",
                  "{\"type\":\"object\"}",
                  null,
                  false,
                  true,
                  false,
                  "wipe all notes"));
        }

        @Override
        public ToolOutcome call(ToolContext context, String name, String arguments) {
          calls.add(context.owner().value() + " " + name + " " + arguments);
          return new ToolOutcome(false, TASK, "Done");
        }

        @Override
        public ToolOutcome describe(ToolContext context, String name, String arguments) {
          return new ToolOutcome(false, TASK, "Delete task ‘Milk’?");
        }
      };

  private final McpServer server = TaskMcpServer.modern(toolbox, "1.0");
  private final McpTransportContext alice = McpCaller.context(new UserId("alice"));

  private JSONRPCResponse send(
      String method, Map<String, Object> params, Map<String, Object> capabilities) {
    Map<String, Object> withMeta = new LinkedHashMap<>(params);
    withMeta.put(
        "_meta",
        Map.of(
            "io.modelcontextprotocol/protocolVersion",
            "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities",
            capabilities,
            "io.modelcontextprotocol/clientInfo",
            Map.of("name", "test", "version", "1")));
    McpTransportResponse response =
        server.handleBlocking(alice, new JSONRPCRequest(method, 7, withMeta)).block();
    if (response instanceof McpTransportResponse.Result result) {
      return result.response();
    }
    return ((McpTransportResponse.Error) response).response();
  }

  private static Map<String, Object> result(JSONRPCResponse response) {
    assertThat(response.error()).as("error %s", response.error()).isNull();
    return TaskMcpServer.json().convertValue(response.result(), OBJECT);
  }

  @Test
  void discover_namesTheServerTheVersionAndCachingHints() {
    Map<String, Object> discovered = result(send("server/discover", Map.of(), Map.of()));

    assertThat(discovered.get("supportedVersions")).isEqualTo(List.of("2026-07-28"));
    assertThat(discovered)
        .containsEntry("resultType", "complete")
        .containsKey("capabilities")
        .containsEntry("ttlMs", 300_000L)
        .containsEntry("cacheScope", "public");
    assertThat(discovered.get("_meta").toString()).contains("tasktalk");
  }

  @Test
  void toolsList_isInNameOrder_withHintsAndCaching() {
    Map<String, Object> listed = result(send("tools/list", Map.of(), Map.of()));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tools = (List<Map<String, Object>>) listed.get("tools");
    assertThat(tools)
        .extracting(tool -> tool.get("name"))
        .containsExactly("add_task", "delete_task", "list_tasks", "wipe_notes");
    assertThat(tools.get(1).get("annotations").toString()).contains("destructiveHint=true");
    assertThat(listed)
        .containsEntry("resultType", "complete")
        .containsEntry("ttlMs", 300_000L)
        .containsEntry("cacheScope", "public");
  }

  @Test
  void deleteTask_withElicitation_asksThenRunsOnAnAcceptedRetry() {
    Map<String, Object> capabilities = Map.of("elicitation", Map.of("form", Map.of()));
    Map<String, Object> call = Map.of("name", "delete_task", "arguments", Map.of("task_id", "t1"));

    Map<String, Object> asked = result(send("tools/call", call, capabilities));
    assertThat(asked).containsEntry("resultType", "input_required");
    assertThat(asked.get("inputRequests").toString())
        .contains("confirm_delete")
        .contains("Delete task ‘Milk’?");
    assertThat(calls).isEmpty();

    Map<String, Object> declined = new LinkedHashMap<>(call);
    declined.put("inputResponses", Map.of("confirm_delete", Map.of("action", "decline")));
    Map<String, Object> refused = result(send("tools/call", declined, capabilities));
    assertThat(refused).containsEntry("isError", true);
    assertThat(refused.toString()).contains("declined");
    assertThat(calls).isEmpty();

    Map<String, Object> accepted = new LinkedHashMap<>(call);
    accepted.put(
        "inputResponses",
        Map.of("confirm_delete", Map.of("action", "accept", "content", Map.of("confirm", true))));
    Map<String, Object> done = result(send("tools/call", accepted, capabilities));
    assertThat(done).containsEntry("resultType", "complete").containsEntry("isError", false);
    assertThat(calls).containsExactly("alice delete_task {\"task_id\":\"t1\"}");
  }

  @Test
  void deleteTask_withoutElicitation_needsConfirmTrue() {
    Map<String, Object> refused =
        result(
            send(
                "tools/call",
                Map.of("name", "delete_task", "arguments", Map.of("task_id", "t1")),
                Map.of()));
    assertThat(refused).containsEntry("isError", true);
    assertThat(refused.toString()).contains("confirm: true");

    Map<String, Object> done =
        result(
            send(
                "tools/call",
                Map.of(
                    "name", "delete_task", "arguments", Map.of("task_id", "t1", "confirm", true)),
                Map.of()));
    assertThat(done).containsEntry("isError", false);
    assertThat(calls).hasSize(1);
  }

  @Test
  void anotherDestructiveTool_isConfirmedThroughTheSameRoundTrip_andADeclineNamesItsAction() {
    Map<String, Object> capabilities = Map.of("elicitation", Map.of("form", Map.of()));
    Map<String, Object> call = Map.of("name", "wipe_notes", "arguments", Map.of());

    Map<String, Object> asked = result(send("tools/call", call, capabilities));
    assertThat(asked).containsEntry("resultType", "input_required");
    assertThat(asked.get("inputRequests").toString()).contains("confirm_delete");
    assertThat(calls).isEmpty();

    Map<String, Object> declined = new LinkedHashMap<>(call);
    declined.put("inputResponses", Map.of("confirm_delete", Map.of("action", "decline")));
    assertThat(result(send("tools/call", declined, capabilities)).toString())
        .contains("the user declined “wipe all notes”; nothing was done");
    Map<String, Object> refused = result(send("tools/call", call, Map.of()));
    assertThat(refused).containsEntry("isError", true);
    assertThat(refused.toString()).contains("wipe_notes needs confirm: true");
    assertThat(calls).isEmpty();

    Map<String, Object> confirmed =
        result(
            send(
                "tools/call",
                Map.of("name", "wipe_notes", "arguments", Map.of("confirm", true)),
                Map.of()));
    assertThat(confirmed).containsEntry("isError", false);
    assertThat(calls).containsExactly("alice wipe_notes {}");
  }

  @Test
  void unknownTool_andUnsupportedVersion_areJsonRpcErrors() {
    assertThat(send("tools/call", Map.of("name", "nope"), Map.of()).error().code())
        .isEqualTo(-32602);
    JSONRPCResponse old =
        server
            .handleBlocking(
                alice,
                new JSONRPCRequest(
                    "tools/list",
                    8,
                    Map.of(
                        "_meta",
                        Map.of(
                            "io.modelcontextprotocol/protocolVersion",
                            "2025-11-25",
                            "io.modelcontextprotocol/clientCapabilities",
                            Map.of()))))
            .map(r -> r instanceof McpTransportResponse.Error e ? e.response() : null)
            .block();
    assertThat(old.error().code()).isEqualTo(-32022);
  }
}
