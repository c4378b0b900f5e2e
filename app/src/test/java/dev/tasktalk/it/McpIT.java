package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.Http.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The MCP endpoint over real HTTP on the deployed WAR: the task tools through the official SDK's
 * Streamable HTTP transport, bearer auth and scopes, the resource metadata and the request guards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpIT {

  private static final List<String> TOOLS =
      List.of(
          "add_task",
          "list_tasks",
          "get_task",
          "update_task",
          "complete_task",
          "delete_task",
          "search_tasks");

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

  private McpSession open(String token) {
    return McpSession.open(base.resolve("mcp"), token);
  }

  @Test
  void initializeAndToolsList_describeTheSevenTools() {
    McpSession mcp = open(token(unique("lister")));
    assertThat(mcp.sessionId()).isNotBlank();
    JsonObject init = mcp.initializeResult();
    assertThat(init.getString("protocolVersion")).isEqualTo(McpSession.VERSION);
    assertThat(init.getJsonObject("serverInfo").getString("name")).isEqualTo("tasktalk");
    assertThat(init.getJsonObject("capabilities").containsKey("tools")).isTrue();

    JsonObject result =
        mcp.request("tools/list", JsonValue.EMPTY_JSON_OBJECT).getJsonObject("result");
    Map<String, JsonObject> tools = new HashMap<>();
    result
        .getJsonArray("tools")
        .getValuesAs(JsonObject.class)
        .forEach(t -> tools.put(t.getString("name"), t));
    assertThat(tools.keySet()).containsExactlyInAnyOrderElementsOf(TOOLS);
    for (JsonObject tool : tools.values()) {
      assertThat(tool.getString("description")).isNotBlank();
      assertThat(tool.getJsonObject("inputSchema").getString("type")).isEqualTo("object");
      assertThat(tool.getJsonObject("outputSchema").getString("type")).isEqualTo("object");
    }
    assertThat(
            tools
                .get("add_task")
                .getJsonObject("inputSchema")
                .getJsonArray("required")
                .getValuesAs(JsonString::getString))
        .contains("title");
    assertHints(tools.get("list_tasks"), true, false, true);
    assertHints(tools.get("get_task"), true, false, true);
    assertHints(tools.get("search_tasks"), true, false, true);
    assertHints(tools.get("add_task"), false, false, false);
    assertHints(tools.get("complete_task"), false, false, true);
    assertHints(tools.get("delete_task"), false, true, true);
    assertThat(tools.get("delete_task").getString("description")).contains("confirm");
    assertThat(
            tools
                .get("delete_task")
                .getJsonObject("inputSchema")
                .getJsonObject("properties")
                .containsKey("confirm"))
        .isTrue();
  }

  private static void assertHints(
      JsonObject tool, boolean readOnly, boolean destructive, boolean idempotent) {
    JsonObject hints = tool.getJsonObject("annotations");
    assertThat(hints.getBoolean("readOnlyHint")).as(tool.getString("name")).isEqualTo(readOnly);
    assertThat(hints.getBoolean("destructiveHint"))
        .as(tool.getString("name"))
        .isEqualTo(destructive);
    assertThat(hints.getBoolean("idempotentHint")).as(tool.getString("name")).isEqualTo(idempotent);
  }

  @Test
  void addTask_createsATaskTheRestApiShowsToTheSameUser() throws Exception {
    String subject = unique("adder");
    McpSession mcp = open(token(subject));

    JsonObject added = mcp.call("add_task", "{\"title\":\"Buy milk over MCP\",\"tags\":[\"MCP\"]}");
    assertThat(added.getBoolean("isError")).as(added.toString()).isFalse();
    JsonObject task = added.getJsonObject("structuredContent").getJsonObject("task");
    assertThat(task.getString("title")).isEqualTo("Buy milk over MCP");
    assertThat(added.getJsonArray("content").getJsonObject(0).getString("type")).isEqualTo("text");

    Reply listed = new Http(base, token(subject)).get("api/tasks");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(item -> item.getString("id"))
        .contains(task.getString("id"));
    assertThat(
            new Http(base, token(unique("stranger"))).get("api/tasks").json().getJsonArray("items"))
        .isEmpty();

    JsonObject list = mcp.call("list_tasks", "{}");
    assertThat(list.getJsonObject("structuredContent").getInt("count")).isEqualTo(1);
    assertThat(recordedCalls(subject)).containsExactly("mcp add_task", "mcp list_tasks");
  }

  private static List<String> recordedCalls(String owner) throws Exception {
    List<String> calls = new java.util.ArrayList<>();
    try (Connection c =
            ItEnvironment.postgres().getDatabase("postgres", "tasktalk").getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT surface, name FROM tool_calls WHERE owner = ? ORDER BY created_at")) {
      query.setString(1, owner);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          calls.add(rows.getString(1) + " " + rows.getString(2));
        }
      }
    }
    return calls;
  }

  @Test
  void anotherUsersTask_andInvalidArguments_areToolErrors() throws Exception {
    String bobsId =
        new Http(base, token(unique("bob")))
            .post("api/tasks", "{\"title\":\"Bob's secret\"}")
            .json()
            .getString("id");
    McpSession alice = open(token(unique("alice")));

    JsonObject foreign = alice.call("get_task", "{\"task_id\":\"" + bobsId + "\"}");
    assertThat(foreign.getBoolean("isError")).as(foreign.toString()).isTrue();
    assertThat(foreign.containsKey("structuredContent")).isFalse();
    assertThat(text(foreign)).contains("no task").doesNotContain("Bob's secret");

    JsonObject noTitle = alice.call("add_task", "{\"priority\":\"high\"}");
    assertThat(noTitle.getBoolean("isError")).as(noTitle.toString()).isTrue();
    assertThat(text(noTitle)).contains("title");
  }

  @Test
  void deleteTask_needsConfirm() throws Exception {
    String subject = unique("deleter");
    Http rest = new Http(base, token(subject));
    String id =
        rest.post("api/tasks", "{\"title\":\"Keep me until confirmed\"}").json().getString("id");
    McpSession mcp = open(token(subject));

    JsonObject refused = mcp.call("delete_task", "{\"task_id\":\"" + id + "\"}");
    assertThat(refused.getBoolean("isError")).as(refused.toString()).isTrue();
    assertThat(text(refused)).contains("confirm");
    assertThat(rest.get("api/tasks/" + id).status()).isEqualTo(200);

    JsonObject deleted = mcp.call("delete_task", "{\"task_id\":\"" + id + "\",\"confirm\":true}");
    assertThat(deleted.getBoolean("isError")).as(deleted.toString()).isFalse();
    assertThat(deleted.getJsonObject("structuredContent").getBoolean("deleted")).isTrue();
    assertThat(rest.get("api/tasks/" + id).status()).isEqualTo(404);
  }

  @Test
  void withoutAToken_401NamesTheResourceMetadata() {
    HttpResponse<String> response = McpSession.open401(base.resolve("mcp"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer ")
        .contains(
            "resource_metadata=\""
                + base.resolve(".well-known/oauth-protected-resource/mcp")
                + "\"");
  }

  @Test
  void resourceMetadata_isPublicAtBothPaths() throws Exception {
    for (String path :
        List.of(
            ".well-known/oauth-protected-resource/mcp", ".well-known/oauth-protected-resource")) {
      Reply reply = new Http(base, null).get(path);
      assertThat(reply.status()).as(path + " " + reply).isEqualTo(200);
      JsonObject document = reply.json();
      assertThat(document.getString("resource")).isEqualTo(base.resolve("mcp").toString());
      assertThat(document.getJsonArray("authorization_servers").getValuesAs(JsonString::getString))
          .containsExactly(TestKeys.ISSUER);
      assertThat(document.getJsonArray("scopes_supported").getValuesAs(JsonString::getString))
          .containsExactly("tasks:read", "tasks:write");
      assertThat(
              document.getJsonArray("bearer_methods_supported").getValuesAs(JsonString::getString))
          .containsExactly("header");
    }
  }

  @Test
  void aReadOnlyToken_canListButNotWrite() {
    String subject = unique("reader");
    McpSession mcp =
        open(
            ItEnvironment.keys()
                .token("HS256", claims -> claims.subject(subject).claim("scope", "tasks:read")));

    assertThat(mcp.call("list_tasks", "{}").getBoolean("isError")).isFalse();

    HttpResponse<String> refused =
        mcp.send(
            "tools/call",
            Json.createObjectBuilder()
                .add("name", "add_task")
                .add("arguments", Json.createObjectBuilder().add("title", "Not allowed"))
                .build());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("error=\"insufficient_scope\"")
        .contains("scope=\"tasks:write\"")
        .contains(
            "resource_metadata=\""
                + base.resolve(".well-known/oauth-protected-resource/mcp")
                + "\"");
    assertThat(McpSession.json(refused.body()).getJsonObject("error").getInt("code")).isNegative();
    assertThat(new Http(base, token(subject)).get("api/tasks").json().getJsonArray("items"))
        .isEmpty();
  }

  @Test
  void hardening_refusesForeignOriginsAndHosts_badVersions_andWrongAccept() throws Exception {
    McpSession mcp = open(token(unique("guarded")));
    String ping = McpSession.message(99, "ping", JsonValue.EMPTY_JSON_OBJECT);

    assertRpcError(mcp.post(ping, Map.of("Origin", "http://evil.example.com")), 403);
    assertThat(mcp.post(ping, Map.of("Origin", "http://localhost:3000")).statusCode())
        .isEqualTo(200);
    assertRpcError(mcp.post(ping, Map.of("MCP-Protocol-Version", "1999-01-01")), 400);
    assertRpcError(mcp.post(ping, Map.of("Accept", "application/json")), 406);
    assertThat(rawStatus("localhost:" + base.getPort(), 2_000_000)).isEqualTo(413);
    assertThat(rawStatus("evil.example.com", -1)).isEqualTo(403);
  }

  private static void assertRpcError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("stackTrace");
    JsonObject body = McpSession.json(response.body());
    assertThat(body.getString("jsonrpc")).isEqualTo("2.0");
    assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
  }

  // java.net.http will not send a foreign Host header or a Content-Length it does not keep to, so
  // these go over a plain socket; a declaredLength >= 0 announces a body far longer than the one
  // sent.
  private int rawStatus(String host, long declaredLength) throws Exception {
    try (Socket socket = new Socket("localhost", base.getPort())) {
      socket.setSoTimeout(10_000);
      String body = McpSession.message(1, "ping", JsonValue.EMPTY_JSON_OBJECT);
      String request =
          "POST /mcp HTTP/1.1\r\nHost: "
              + host
              + "\r\nAuthorization: Bearer "
              + token(unique("raw"))
              + "\r\nContent-Type: application/json\r\nAccept: "
              + McpSession.ACCEPT
              + "\r\nContent-Length: "
              + (declaredLength >= 0
                  ? declaredLength
                  : body.getBytes(StandardCharsets.UTF_8).length)
              + "\r\nConnection: close\r\n\r\n"
              + body;
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  private static String text(JsonObject result) {
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }
}
