package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.Http.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /mcp} in revision 2026-07-28 on the deployed WAR, beside the classic revisions: discovery,
 * stateless tools with header and {@code _meta} validation, the input-required confirmation of
 * {@code delete_task}, scopes and challenges, and JSON-RPC errors for every malformed request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpModernIT {

  private static final JsonObject ELICITATION =
      Json.createObjectBuilder()
          .add("elicitation", Json.createObjectBuilder().add("form", JsonValue.EMPTY_JSON_OBJECT))
          .build();

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  private URI base;

  @BeforeEach
  void localBase() throws Exception {
    base = Deployments.localBase(deployed);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static String token(String subject) {
    return ItEnvironment.keys().token("HS256", subject);
  }

  private McpModernClient client(String token, JsonObject capabilities) {
    return new McpModernClient(base.resolve("mcp"), token, capabilities);
  }

  private static JsonObject call(String tool, JsonObject arguments) {
    return Json.createObjectBuilder().add("name", tool).add("arguments", arguments).build();
  }

  @Test
  void discover_namesBothEras_withoutASession() {
    McpModernClient mcp = client(token(unique("discoverer")), JsonValue.EMPTY_JSON_OBJECT);
    HttpResponse<String> response = mcp.send("server/discover", JsonValue.EMPTY_JSON_OBJECT);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
    JsonObject result = McpSession.reply(response).getJsonObject("result");
    assertThat(result.getJsonArray("supportedVersions").getValuesAs(JsonString::getString))
        .contains("2026-07-28");
    assertThat(result.getString("resultType")).isEqualTo("complete");
    assertThat(result.getJsonObject("capabilities").containsKey("tools")).isTrue();
    assertThat(result.getString("cacheScope")).isNotBlank();
    assertThat(result.getJsonNumber("ttlMs").longValue()).isPositive();
    assertThat(
            result
                .getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/serverInfo")
                .getString("name"))
        .isEqualTo("tasktalk");
  }

  @Test
  void toolsList_givesTheSevenToolsInNameOrder_withHintsAndCaching() {
    JsonObject result =
        client(token(unique("lister")), JsonValue.EMPTY_JSON_OBJECT)
            .result("tools/list", JsonValue.EMPTY_JSON_OBJECT);

    List<String> names =
        result.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
            .map(tool -> tool.getString("name"))
            .toList();
    assertThat(names)
        .containsExactly(
            "add_task",
            "complete_task",
            "delete_task",
            "get_task",
            "list_tasks",
            "search_tasks",
            "update_task");
    Map<String, JsonObject> tools = new HashMap<>();
    result
        .getJsonArray("tools")
        .getValuesAs(JsonObject.class)
        .forEach(t -> tools.put(t.getString("name"), t));
    assertThat(tools.get("delete_task").getJsonObject("annotations").getBoolean("destructiveHint"))
        .isTrue();
    assertThat(tools.get("list_tasks").getJsonObject("annotations").getBoolean("readOnlyHint"))
        .isTrue();
    assertThat(tools.get("add_task").getJsonObject("inputSchema").getString("type"))
        .isEqualTo("object");
    assertThat(result.getString("resultType")).isEqualTo("complete");
    assertThat(result.getJsonNumber("ttlMs").longValue()).isPositive();
    assertThat(result.getString("cacheScope")).isIn("public", "private");
  }

  @Test
  void addTask_createsATaskTheRestApiShows() throws Exception {
    String subject = unique("adder");
    McpModernClient mcp = client(token(subject), JsonValue.EMPTY_JSON_OBJECT);

    JsonObject added =
        mcp.result(
            "tools/call",
            call("add_task", Json.createObjectBuilder().add("title", "Modern milk").build()));
    assertThat(added.getBoolean("isError")).as(added.toString()).isFalse();
    assertThat(added.getString("resultType")).isEqualTo("complete");
    String id = added.getJsonObject("structuredContent").getJsonObject("task").getString("id");

    Reply listed = new Http(base, token(subject)).get("api/tasks");
    assertThat(listed.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(item -> item.getString("id"))
        .contains(id);

    JsonObject invalid =
        mcp.result(
            "tools/call",
            call("add_task", Json.createObjectBuilder().add("priority", "high").build()));
    assertThat(invalid.getBoolean("isError")).isTrue();
    assertThat(invalid.toString()).contains("title");
  }

  @Test
  void deleteTask_asksThroughAnInputRequiredRoundTrip() throws Exception {
    String subject = unique("deleter");
    Http rest = new Http(base, token(subject));
    String id =
        rest.post("api/tasks", "{\"title\":\"Delete me after asking\"}").json().getString("id");
    McpModernClient mcp = client(token(subject), ELICITATION);
    JsonObject arguments = Json.createObjectBuilder().add("task_id", id).build();

    JsonObject asked = mcp.result("tools/call", call("delete_task", arguments));
    assertThat(asked.getString("resultType")).isEqualTo("input_required");
    JsonObject request = asked.getJsonObject("inputRequests").getJsonObject("confirm_delete");
    assertThat(request.getString("method")).isEqualTo("elicitation/create");
    assertThat(request.toString()).contains("Delete me after asking");
    assertThat(rest.get("api/tasks/" + id).status()).isEqualTo(200);

    JsonObject declined =
        mcp.result(
            "tools/call",
            Json.createObjectBuilder(call("delete_task", arguments))
                .add(
                    "inputResponses",
                    Json.createObjectBuilder()
                        .add("confirm_delete", Json.createObjectBuilder().add("action", "decline")))
                .build());
    assertThat(declined.getBoolean("isError")).as(declined.toString()).isTrue();
    assertThat(rest.get("api/tasks/" + id).status()).isEqualTo(200);

    // The retry is a fresh, self-contained request: any instance could answer it.
    JsonObject accepted =
        client(token(subject), ELICITATION)
            .result(
                "tools/call",
                Json.createObjectBuilder(call("delete_task", arguments))
                    .add(
                        "inputResponses",
                        Json.createObjectBuilder()
                            .add(
                                "confirm_delete",
                                Json.createObjectBuilder()
                                    .add("action", "accept")
                                    .add(
                                        "content",
                                        Json.createObjectBuilder().add("confirm", true))))
                    .build());
    assertThat(accepted.getBoolean("isError")).as(accepted.toString()).isFalse();
    assertThat(accepted.getString("resultType")).isEqualTo("complete");
    assertThat(rest.get("api/tasks/" + id).status()).isEqualTo(404);
  }

  @Test
  void deleteTask_withoutElicitation_needsConfirmTrue() throws Exception {
    String subject = unique("plain-deleter");
    Http rest = new Http(base, token(subject));
    String id = rest.post("api/tasks", "{\"title\":\"Needs confirm\"}").json().getString("id");
    McpModernClient mcp = client(token(subject), JsonValue.EMPTY_JSON_OBJECT);

    JsonObject refused =
        mcp.result(
            "tools/call",
            call("delete_task", Json.createObjectBuilder().add("task_id", id).build()));
    assertThat(refused.getBoolean("isError")).isTrue();
    assertThat(refused.toString()).contains("confirm: true");

    JsonObject deleted =
        mcp.result(
            "tools/call",
            call(
                "delete_task",
                Json.createObjectBuilder().add("task_id", id).add("confirm", true).build()));
    assertThat(deleted.getBoolean("isError")).as(deleted.toString()).isFalse();
    assertThat(rest.get("api/tasks/" + id).status()).isEqualTo(404);
  }

  @Test
  void scopes_andChallenges_areTheSameAsClassic() {
    String subject = unique("reader");
    McpModernClient reader =
        client(
            ItEnvironment.keys()
                .token("HS256", claims -> claims.subject(subject).claim("scope", "tasks:read")),
            JsonValue.EMPTY_JSON_OBJECT);
    assertThat(
            reader
                .result("tools/call", call("list_tasks", JsonValue.EMPTY_JSON_OBJECT))
                .getBoolean("isError"))
        .isFalse();

    HttpResponse<String> refused =
        reader.send(
            "tools/call",
            call("add_task", Json.createObjectBuilder().add("title", "Not allowed").build()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("error=\"insufficient_scope\"")
        .contains("scope=\"tasks:write\"")
        .contains(
            "resource_metadata=\""
                + base.resolve(".well-known/oauth-protected-resource/mcp")
                + "\"");
    assertRpcError(refused, 403, null);

    HttpResponse<String> anonymous =
        client(null, JsonValue.EMPTY_JSON_OBJECT)
            .send("server/discover", JsonValue.EMPTY_JSON_OBJECT);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains(
            "resource_metadata=\""
                + base.resolve(".well-known/oauth-protected-resource/mcp")
                + "\"");
  }

  @Test
  void malformedRequests_areJsonRpcErrors_neverExceptions() {
    McpModernClient mcp = client(token(unique("prober")), JsonValue.EMPTY_JSON_OBJECT);
    JsonObject list = JsonValue.EMPTY_JSON_OBJECT;

    // The two reproductions: discover with and without the version header.
    assertThat(mcp.send("server/discover", list).statusCode()).isEqualTo(200);
    assertRpcError(
        mcp.send("server/discover", list, headers("MCP-Protocol-Version", null)), 400, -32020);

    assertRpcError(mcp.send("tools/list", list, headers("Mcp-Method", "tools/call")), 400, -32020);
    assertRpcError(mcp.send("tools/list", list, headers("Mcp-Method", null)), 400, -32020);
    assertRpcError(
        mcp.send("tools/call", call("list_tasks", list), headers("Mcp-Name", "add_task")),
        400,
        -32020);
    assertRpcError(
        mcp.send("tools/list", list, headers("MCP-Protocol-Version", "2099-01-01")), 400, -32020);
    String future =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    HttpResponse<String> unsupported =
        mcp.post(future, Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list"));
    assertRpcError(unsupported, 400, -32022);
    JsonObject error = McpSession.json(unsupported.body()).getJsonObject("error");
    assertThat(McpSession.json(unsupported.body()).getInt("id")).isEqualTo(9);
    assertThat(
            error
                .getJsonObject("data")
                .getJsonArray("supported")
                .getValuesAs(JsonString::getString))
        .containsExactly("2026-07-28");
    assertRpcError(mcp.send("prompts/list", list), 404, -32601);
    assertRpcError(mcp.send("tools/call", call("no_such_tool", list)), 400, -32602);
    assertRpcError(
        mcp.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}",
            Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list")),
        400,
        -32602);
    assertRpcError(
        mcp.post(
            "{not json", Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list")),
        400,
        -32700);
    assertRpcError(mcp.post("[1,2]", Map.of("MCP-Protocol-Version", "2026-07-28")), 400, null);
    assertRpcError(
        McpModernClient.get(
            base.resolve("mcp"),
            token(unique("getter")),
            Map.of("MCP-Protocol-Version", "2026-07-28")),
        405,
        null);
  }

  @Test
  void classicMistakes_areJsonRpcErrorsToo() {
    McpModernClient raw = client(token(unique("classic-prober")), JsonValue.EMPTY_JSON_OBJECT);
    String toolsList = McpSession.message(5, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
    // No session, an unknown session, a body that is not JSON-RPC, a GET without a session.
    assertRpcError(raw.post(toolsList, Map.of()), null, null);
    assertRpcError(
        raw.post(toolsList, Map.of("Mcp-Session-Id", "nope", "MCP-Protocol-Version", "2025-11-25")),
        null,
        null);
    assertRpcError(raw.post("{\"hello\":1}", Map.of()), null, null);
    assertRpcError(raw.post("", Map.of()), null, null);
    assertRpcError(
        McpModernClient.get(base.resolve("mcp"), token(unique("classic-getter")), Map.of()),
        null,
        null);
  }

  private static Map<String, String> headers(String name, String value) {
    Map<String, String> headers = new HashMap<>();
    headers.put(name, value);
    return headers;
  }

  /** A 4xx (or exactly {@code status}) whose body is a JSON-RPC error with no exception in it. */
  private static void assertRpcError(HttpResponse<String> response, Integer status, Integer code) {
    if (status == null) {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("stackTrace")
        .doesNotContain("<html");
    JsonObject body = McpSession.json(response.body());
    assertThat(body.getString("jsonrpc")).isEqualTo("2.0");
    assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
    if (code != null) {
      assertThat(body.getJsonObject("error").getInt("code")).as(response.body()).isEqualTo(code);
    }
  }
}
