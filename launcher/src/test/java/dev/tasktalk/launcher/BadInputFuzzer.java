package dev.tasktalk.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends malformed requests to every endpoint of a running server (except {@code /mcp}) and reports
 * what it got wrong instead of asserting, so a reliability test can print every finding at once.
 *
 * <p>Each answer must be below 500; every 4xx must be a JSON {@code {"error":{"code","message"}}};
 * no body, SSE streams included, may reveal internals (exception class names, stack frames, JDBC or
 * PostgreSQL details, a local port other than the server's own). Another user's thread, item, task
 * or attachment must look exactly like a missing one, and must survive the run unchanged. Bad input
 * that is accepted (2xx) is fine. An answer with neither a body nor a {@code Content-Type} cannot
 * come from the application, which always answers JSON: it is the servlet container refusing a
 * request it could not parse (Payara's bare {@code 400} for {@code %00} or invalid UTF-8 in a path,
 * a GET with a body, a broken chunk size, an over-long request line; its empty {@code 200} for
 * {@code %zz}), listed in the report as a container refusal rather than a violation. Only the JDK's
 * HTTP client is used, and a raw socket for bytes the client will not send (malformed
 * percent-encoding, raw bytes in a path, broken chunking).
 */
final class BadInputFuzzer {

  /**
   * What the run found. {@code containerRefusals} names each request the servlet container answered
   * itself, empty, before the application saw it.
   */
  record Report(
      int requests, int serverErrors, List<String> containerRefusals, List<String> violations) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BUDGET = Duration.ofSeconds(110);
  private static final int MAX_READ = 4 * 1024 * 1024;
  private static final int DEEP = 10_000;
  private static final String MIB = "a".repeat(1024 * 1024);
  private static final int OVERSIZE = 25 * 1024 * 1024 + 1024; // just over the servlets' hard limit
  private static final int GIVE_UP_AFTER_FAILURES = 5;

  private static final List<Pattern> INTERNALS =
      List.of(
          Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*(Exception|Error)\\b"),
          Pattern.compile("Exception:"),
          Pattern.compile("at dev\\.tasktalk"),
          Pattern.compile("(?:\t|\\\\t)at "),
          Pattern.compile("(?:\n|\\\\n)\\s*at [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"),
          Pattern.compile("Caused by:"),
          Pattern.compile("org\\.postgresql"),
          Pattern.compile("(?i)eclipse"),
          Pattern.compile("PSQLException"),
          Pattern.compile("(?i)SQL ?State"),
          Pattern.compile("jdbc:"),
          Pattern.compile("(?i)<html"));
  private static final Pattern LOCAL_PORT =
      Pattern.compile("(?:localhost|127\\.0\\.0\\.1|\\[::1\\]):(\\d{2,5})");

  private static final Object REMOVE = new Object();

  /** JSON text put into a body as it is. */
  private record Raw(String text) {}

  private record Mutation(String label, Object value) {}

  private enum Auth {
    OWN,
    OTHER,
    NONE,
    GARBAGE,
    TAMPERED,
    BASIC
  }

  private record Res(
      int status, String contentType, byte[] body, boolean timedOut, String failure) {
    static final Res SKIPPED = new Res(-1, "", new byte[0], false, "skipped");

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean sse() {
      return status / 100 == 2
          && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }
  }

  private final URI base;
  private final String token;
  private final String otherToken;
  private final int ownPort;
  private final HttpClient client;
  private final ExecutorService readers;
  private final long deadline;
  private final List<String> violations = new ArrayList<>();
  private int requests;
  private int serverErrors;
  private final List<String> containerRefusals = new ArrayList<>();
  private int skipped;
  private int failuresInARow;
  private boolean gaveUp;

  // Resources made in setup: the caller's and the other user's.
  private String ownThread = "thr_fuzz0000000000a";
  private String ownUserItem = "msg_fuzz0000000000a";
  private String ownAssistantItem = "msg_fuzz0000000000b";
  private String ownTask = UUID.randomUUID().toString();
  private String ownAttachment = "atc_fuzz0000000000a";
  private String otherThread = "thr_fuzz0000000000c";
  private String otherUserItem = "msg_fuzz0000000000c";
  private String otherAssistantItem = "msg_fuzz0000000000d";
  private String otherTask = UUID.randomUUID().toString();
  private String otherAttachment = "atc_fuzz0000000000c";
  private String otherThreadTitle;
  private final String missingThread = "thr_" + hex();
  private final String missingItem = "msg_" + hex();
  private final String missingAttachment = "atc_" + hex();
  private final String missingTask = UUID.randomUUID().toString();

  private BadInputFuzzer(URI base, String token, String otherToken) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.token = token;
    this.otherToken = otherToken;
    this.ownPort = base.getPort() < 0 ? 80 : base.getPort();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readers =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "fuzzer-body-reader");
              thread.setDaemon(true);
              return thread;
            });
    this.deadline = System.nanoTime() + BUDGET.toNanos();
  }

  /** Fuzzes the server at {@code base} ({@code http://localhost:PORT}) as two different users. */
  static Report run(URI base, String token, String otherUsersToken) {
    BadInputFuzzer fuzzer = new BadInputFuzzer(base, token, otherUsersToken);
    try {
      fuzzer.setUp();
      fuzzer.taskQueries(); // before any bulky task exists, so lists stay small
      fuzzer.chatKitStructure();
      fuzzer.chatKitTypes();
      fuzzer.chatKitIsolation();
      fuzzer.directUpload();
      fuzzer.attachmentPaths();
      fuzzer.tasks();
      fuzzer.chatApi();
      fuzzer.devToken();
      fuzzer.authentication();
      fuzzer.rawSocket();
      fuzzer.otherUsersDataSurvived();
    } finally {
      fuzzer.readers.shutdownNow();
    }
    return fuzzer.report();
  }

  private Report report() {
    List<String> all = new ArrayList<>(violations);
    if (gaveUp) {
      all.add(
          "the server stopped answering ("
              + GIVE_UP_AFTER_FAILURES
              + " requests in a row failed); "
              + skipped
              + " requests were not sent");
    } else if (skipped > 0) {
      all.add(
          "the run took longer than "
              + BUDGET.toSeconds()
              + " s; "
              + skipped
              + " requests were not sent");
    }
    return new Report(requests, serverErrors, List.copyOf(containerRefusals), List.copyOf(all));
  }

  // ---------------------------------------------------------------- setup and final checks

  private void setUp() {
    Res task = json("POST", "/api/tasks", "setup", Auth.OWN, "{\"title\":\"fuzz target\"}");
    ownTask = idOf(task, ownTask);
    Res otherTaskRes =
        json("POST", "/api/tasks", "setup other", Auth.OTHER, "{\"title\":\"other user's task\"}");
    otherTask = idOf(otherTaskRes, otherTask);

    String[] own = startThread(Auth.OWN, "setup");
    if (own != null) {
      ownThread = own[0];
      ownUserItem = own[1];
      ownAssistantItem = own[2];
    }
    String[] other = startThread(Auth.OTHER, "setup other");
    if (other != null) {
      otherThread = other[0];
      otherUserItem = other[1];
      otherAssistantItem = other[2];
    }
    otherThreadTitle = threadTitle(Auth.OTHER, otherThread);

    ownAttachment = attachment(Auth.OWN, ownAttachment, "own".getBytes(StandardCharsets.UTF_8));
    otherAttachment =
        attachment(Auth.OTHER, otherAttachment, "bob".getBytes(StandardCharsets.UTF_8));
  }

  /** Starts a thread; answers its id, the user message's id and the assistant message's id. */
  private String[] startThread(Auth auth, String label) {
    Res res =
        chatKit(
            label,
            auth,
            chatKitBody(
                "threads.create",
                obj(
                    "input",
                    obj(
                        "content", arr(obj("type", "input_text", "text", "show my open tasks")),
                        "attachments", arr()))));
    String thread = null;
    String user = null;
    String assistant = null;
    for (Map<?, ?> event : events(res)) {
      if ("thread.created".equals(event.get("type"))
          && event.get("thread") instanceof Map<?, ?> t) {
        thread = (String) t.get("id");
      }
      if ("thread.item.done".equals(event.get("type"))
          && event.get("item") instanceof Map<?, ?> item) {
        if ("user_message".equals(item.get("type"))) {
          user = (String) item.get("id");
        } else if ("assistant_message".equals(item.get("type"))) {
          assistant = (String) item.get("id");
        }
      }
    }
    if (thread == null || user == null || assistant == null) {
      violations.add(
          "setup: threads.create as "
              + auth
              + " did not stream a thread, a user message "
              + "and an answer -> "
              + res.status
              + ": "
              + snippet(res.text()));
      return null;
    }
    return new String[] {thread, user, assistant};
  }

  private String threadTitle(Auth auth, String thread) {
    Res res =
        chatKit("integrity", auth, chatKitBody("threads.get_by_id", obj("thread_id", thread)));
    if (res.status != 200) {
      return null;
    }
    Object parsed = parseOrNull(res.text());
    return parsed instanceof Map<?, ?> map ? String.valueOf(map.get("title")) : null;
  }

  private String attachment(Auth auth, String fallback, byte[] content) {
    Res created =
        chatKit(
            "setup",
            auth,
            chatKitBody(
                "attachments.create",
                obj("name", "fuzz.txt", "size", content.length, "mime_type", "text/plain")));
    String id = idOf(created, null);
    if (id == null) {
      return fallback;
    }
    send("PUT", "/chatkit/attachments/" + id + "/upload", "setup", auth, "text/plain", content);
    return id;
  }

  private String idOf(Res res, String fallback) {
    Object parsed = res.status / 100 == 2 ? parseOrNull(res.text()) : null;
    if (parsed instanceof Map<?, ?> map && map.get("id") instanceof String id) {
      return id;
    }
    if (res.status >= 0) {
      violations.add(
          "setup: could not create a resource -> " + res.status + ": " + snippet(res.text()));
    }
    return fallback;
  }

  /** The other user's task, thread and attachment must be exactly as they were before the run. */
  private void otherUsersDataSurvived() {
    Res task = send("GET", "/api/tasks/" + otherTask, "integrity", Auth.OTHER, null, null);
    if (task.status != 200
        || !task.text().contains("\"other user's task\"")
        || !task.text().contains("\"completed\":false")) {
      violations.add(
          "GET /api/tasks/{other's task} integrity -> "
              + task.status
              + ": the other user's task was changed or deleted by this user's requests: "
              + snippet(task.text()));
    }
    String title = threadTitle(Auth.OTHER, otherThread);
    if (title == null || !title.equals(otherThreadTitle)) {
      violations.add(
          "POST /chatkit threads.get_by_id {other's thread} integrity -> the other user's "
              + "thread was changed or deleted by this user's requests: title "
              + otherThreadTitle
              + " -> "
              + title);
    }
    Res content =
        send(
            "GET",
            "/chatkit/attachments/" + otherAttachment + "/content",
            "integrity",
            Auth.OTHER,
            null,
            null);
    if (content.status != 200 || !content.text().equals("bob")) {
      violations.add(
          "GET /chatkit/attachments/{other's attachment}/content integrity -> "
              + content.status
              + ": the other user's attachment was changed or deleted by this user's "
              + "requests: "
              + snippet(content.text()));
    }
  }

  // ---------------------------------------------------------------- POST /chatkit

  private static String chatKitBody(String type, Object params) {
    Map<String, Object> body = obj("type", type);
    if (params != REMOVE) {
      body.put("params", params);
    }
    return write(body);
  }

  private Res chatKit(String label, Auth auth, String body) {
    return send("POST", "/chatkit", label, auth, "application/json", utf8(body));
  }

  /** The request types with a template of valid params; mutations start from these. */
  private Map<String, Map<String, Object>> chatKitTemplates() {
    Map<String, Map<String, Object>> t = new LinkedHashMap<>();
    t.put("threads.get_by_id", obj("thread_id", ownThread));
    t.put(
        "threads.create",
        obj(
            "input",
            obj(
                "content",
                    arr(
                        obj("type", "input_text", "text", "hello"),
                        obj(
                            "type",
                            "input_tag",
                            "id",
                            "tag_1",
                            "text",
                            "fuzz",
                            "data",
                            obj("k", "v"),
                            "group",
                            "g",
                            "interactive",
                            false)),
                "attachments", arr(),
                "quoted_text", "quoted",
                "inference_options", obj("tool_choice", obj("id", "tool"), "model", "m"))));
    t.put("threads.list", obj("limit", 5, "order", "desc", "after", ownThread));
    t.put(
        "threads.add_user_message",
        obj(
            "thread_id",
            ownThread,
            "input",
            obj("content", arr(obj("type", "input_text", "text", "hello")), "attachments", arr())));
    t.put("threads.add_client_tool_output", obj("thread_id", ownThread, "result", obj("ok", true)));
    t.put(
        "threads.add_structured_input",
        obj(
            "thread_id",
            ownThread,
            "item_id",
            ownAssistantItem,
            "input",
            obj(
                "status",
                "answered",
                "answers",
                obj("q1", obj("values", arr("a"), "skipped", false)))));
    t.put("threads.retry_after_item", obj("thread_id", ownThread, "item_id", ownUserItem));
    t.put(
        "threads.custom_action",
        obj(
            "thread_id",
            ownThread,
            "item_id",
            ownAssistantItem,
            "action",
            obj("type", "fuzz.action", "payload", obj("a", 1))));
    t.put(
        "threads.sync_custom_action",
        obj(
            "thread_id",
            ownThread,
            "item_id",
            ownAssistantItem,
            "action",
            obj("type", "fuzz.action", "payload", obj("a", 1))));
    t.put("threads.update", obj("thread_id", ownThread, "title", "Fuzzed title"));
    // Destructive types get a well-formed missing id: their valid form must not remove the targets.
    t.put("threads.delete", obj("thread_id", missingThread));
    t.put(
        "items.list",
        obj("thread_id", ownThread, "limit", 5, "order", "asc", "after", ownUserItem));
    t.put(
        "items.feedback",
        obj("thread_id", ownThread, "item_ids", arr(ownAssistantItem), "kind", "positive"));
    t.put("attachments.create", obj("name", "fuzz.txt", "size", 3, "mime_type", "text/plain"));
    t.put("attachments.delete", obj("attachment_id", missingAttachment));
    t.put("input.transcribe", obj("audio_base64", "AAAA", "mime_type", "audio/webm"));
    return t;
  }

  /** Whole-body mutations: not JSON, not an object, wrong encodings and content types. */
  private void chatKitStructure() {
    String valid = chatKitBody("threads.list", obj("limit", 2));
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("empty body", new byte[0]);
    bodies.put("whitespace body", utf8(" \n\t "));
    bodies.put("JSON array", utf8("[" + valid + "]"));
    bodies.put("JSON number", utf8("42"));
    bodies.put("JSON string", utf8("\"threads.list\""));
    bodies.put("JSON null", utf8("null"));
    bodies.put("JSON true", utf8("true"));
    bodies.put("empty object", utf8("{}"));
    bodies.put("truncated", utf8(valid.substring(0, valid.length() / 2)));
    bodies.put("trailing garbage", utf8(valid + "x"));
    bodies.put("two objects", utf8(valid + valid));
    bodies.put(
        "byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid)));
    bodies.put("comment", utf8("/* c */" + valid));
    bodies.put("single quotes", utf8("{'type':'threads.list','params':{}}"));
    bodies.put("NaN", utf8("{\"type\":\"threads.list\",\"params\":{\"limit\":NaN}}"));
    bodies.put(
        "huge exponent", utf8("{\"type\":\"threads.list\",\"params\":{\"limit\":1e999999999}}"));
    bodies.put(
        "10000-digit number",
        utf8("{\"type\":\"threads.list\",\"params\":{\"limit\":" + "9".repeat(10_000) + "}}"));
    bodies.put("type missing", utf8("{\"params\":{}}"));
    bodies.put("type unknown", utf8("{\"type\":\"threads.nope\",\"params\":{}}"));
    bodies.put("type empty", utf8("{\"type\":\"\",\"params\":{}}"));
    bodies.put("type upper case", utf8("{\"type\":\"THREADS.LIST\",\"params\":{}}"));
    bodies.put("type NUL", utf8("{\"type\":\"threads.list\\u0000\",\"params\":{}}"));
    bodies.put("type 1 MiB", utf8("{\"type\":\"" + MIB + "\",\"params\":{}}"));
    bodies.put("type number", utf8("{\"type\":42,\"params\":{}}"));
    bodies.put("type array", utf8("{\"type\":[\"threads.list\"],\"params\":{}}"));
    bodies.put("type object", utf8("{\"type\":{},\"params\":{}}"));
    bodies.put("type null", utf8("{\"type\":null,\"params\":{}}"));
    bodies.put(
        "duplicate type",
        utf8("{\"type\":\"threads.delete\",\"type\":\"threads.list\",\"params\":{}}"));
    bodies.put("NUL key at root", utf8("{\"\\u0000\":1,\"type\":\"threads.list\",\"params\":{}}"));
    bodies.put(
        "metadata string", utf8("{\"type\":\"threads.list\",\"params\":{},\"metadata\":\"x\"}"));
    bodies.put(
        "metadata NUL",
        utf8("{\"type\":\"threads.list\",\"params\":{},\"metadata\":{\"k\\u0000\":\"\\u0000\"}}"));
    bodies.put(
        "invalid UTF-8 C3 28 in type",
        concat(
            utf8("{\"type\":\"threads.list"),
            new byte[] {(byte) 0xC3, 0x28},
            utf8("\",\"params\":{}}")));
    bodies.put("invalid UTF-8 FF first", concat(new byte[] {(byte) 0xFF}, utf8(valid)));
    bodies.put(
        "invalid UTF-8 overlong C0 AF",
        concat(
            utf8("{\"type\":\"threads.list\",\"params\":{\"order\":\""),
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            utf8("\"}}")));
    bodies.put(
        "invalid UTF-8 in key",
        concat(
            utf8("{\"ty"),
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            utf8("pe\":\"threads.list\",\"params\":{}}")));
    bodies.put("lone surrogate escape", utf8("{\"type\":\"threads.list\\ud800\",\"params\":{}}"));
    bodies.put("UTF-16 body", valid.getBytes(StandardCharsets.UTF_16));
    bodies.put("objects 10000 deep", utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
    bodies.put("arrays 10000 deep", utf8("[".repeat(DEEP) + "]".repeat(DEEP)));
    bodies.put(
        "params 10000 deep",
        utf8(
            "{\"type\":\"threads.list\",\"params\":"
                + "{\"a\":".repeat(DEEP)
                + "1"
                + "}".repeat(DEEP)
                + "}"));
    bodies.put(
        "metadata 10000 deep",
        utf8(
            "{\"type\":\"threads.list\",\"params\":{},\"metadata\":"
                + "[".repeat(DEEP)
                + "]".repeat(DEEP)
                + "}"));
    bodies.put(
        "unclosed 10000 deep", utf8("{\"type\":\"threads.list\",\"params\":" + "[".repeat(DEEP)));
    for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
      send("POST", "/chatkit", body.getKey(), Auth.OWN, "application/json", body.getValue());
    }

    Map<String, String> types = new LinkedHashMap<>();
    types.put("text/plain", "text/plain");
    types.put("application/xml", "application/xml");
    types.put("no content type", null);
    types.put("form", "application/x-www-form-urlencoded");
    types.put("multipart without boundary", "multipart/form-data");
    types.put("garbage content type", "not a / type;;;");
    types.put("charset utf-16", "application/json; charset=utf-16");
    types.put("charset nonsense", "application/json; charset=no-such-charset");
    for (Map.Entry<String, String> type : types.entrySet()) {
      send(
          "POST",
          "/chatkit",
          "content type " + type.getKey(),
          Auth.OWN,
          type.getValue(),
          utf8(valid));
    }
    send(
        "POST",
        "/chatkit",
        "xml body",
        Auth.OWN,
        "application/xml",
        utf8("<?xml version=\"1.0\"?><type>threads.list</type>"));
    send(
        "POST",
        "/chatkit",
        "latin-1 body",
        Auth.OWN,
        "application/json; charset=iso-8859-1",
        "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"x\",\"title\":\"caf\u00e9\"}}"
            .getBytes(StandardCharsets.ISO_8859_1));
    sendStreamed("POST", "/chatkit", "body over 25 MiB, chunked", "application/json", OVERSIZE);
    send("POST", "/chatkit", "body over 25 MiB", Auth.OWN, "application/json", new byte[OVERSIZE]);
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
      boolean bodyless = method.equals("GET") || method.equals("DELETE");
      send(
          method,
          "/chatkit",
          "wrong method",
          Auth.OWN,
          bodyless ? null : "application/json",
          bodyless ? null : utf8(valid));
    }
    send("GET", "/chatkit", "GET with a JSON body", Auth.OWN, "application/json", utf8(valid));
    send(
        "DELETE", "/chatkit", "DELETE with a JSON body", Auth.OWN, "application/json", utf8(valid));
    send("GET", "/chatkit?type=threads.list", "query instead of body", Auth.OWN, null, null);
    send("POST", "/chatkit/", "trailing slash", Auth.OWN, "application/json", utf8(valid));
    send("POST", "/chatkit/nothing", "unknown sub-path", Auth.OWN, "application/json", utf8(valid));
  }

  /** Every request type: each param with every wrong type, missing, NUL, 1 MiB, garbage ids. */
  private void chatKitTypes() {
    for (Map.Entry<String, Map<String, Object>> template : chatKitTemplates().entrySet()) {
      String type = template.getKey();
      Map<String, Object> params = template.getValue();
      typeStructure(type, params);
      List<List<Object>> paths = new ArrayList<>();
      paths(params, List.of(), paths);
      for (List<Object> path : paths) {
        Object current = at(params, path);
        for (Mutation m : mutations(current, lastKey(path))) {
          Object mutated = replaced(params, path, 0, m.value());
          chatKit(
              "params." + pathText(path) + "=" + m.label() + " (" + type + ")",
              Auth.OWN,
              chatKitBody(type, mutated));
        }
      }
    }
  }

  /** Mutations of the params object of one request type as a whole. */
  private void typeStructure(String type, Map<String, Object> params) {
    String label = " (" + type + ")";
    chatKit("valid" + label, Auth.OWN, chatKitBody(type, params));
    chatKit("params missing" + label, Auth.OWN, chatKitBody(type, REMOVE));
    for (Object wrong : Arrays.asList(null, arr(), "x", 42, true)) {
      chatKit("params=" + kind(wrong) + label, Auth.OWN, chatKitBody(type, wrong));
    }
    chatKit("params empty" + label, Auth.OWN, chatKitBody(type, obj()));
    chatKit(
        "unknown param" + label,
        Auth.OWN,
        chatKitBody(type, with(params, "zzz_unknown", obj("a", 1))));
    chatKit("NUL key" + label, Auth.OWN, chatKitBody(type, with(params, "\u0000", "x")));
    String first = params.keySet().iterator().next();
    Map<String, Object> renamed = new LinkedHashMap<>();
    params.forEach((k, v) -> renamed.put(k.equals(first) ? k + "\u0000" : k, v));
    chatKit("NUL in key " + first + label, Auth.OWN, chatKitBody(type, renamed));
    String inner = write(params).substring(1);
    chatKit(
        "duplicate key " + first + " garbage first" + label,
        Auth.OWN,
        "{\"type\":\"" + type + "\",\"params\":{\"" + first + "\":[1,{}]," + inner + "}");
    chatKit(
        "duplicate key " + first + " garbage last" + label,
        Auth.OWN,
        "{\"type\":\""
            + type
            + "\",\"params\":{"
            + inner.substring(0, inner.length() - 1)
            + ",\""
            + first
            + "\":\"\\u0000\"}}");
    chatKit(
        "type also in params" + label,
        Auth.OWN,
        chatKitBody(type, with(params, "type", "threads.delete")));
    chatKit(
        "metadata wrong type" + label,
        Auth.OWN,
        "{\"type\":\"" + type + "\",\"params\":" + write(params) + ",\"metadata\":[1]}");
    String body = chatKitBody(type, params);
    int quote = body.indexOf("\":\"", body.indexOf("\"params\"")) + 3;
    if (quote > 2) {
      send(
          "POST",
          "/chatkit",
          "invalid UTF-8 C3 28 in a param" + label,
          Auth.OWN,
          "application/json",
          concat(
              utf8(body.substring(0, quote)),
              new byte[] {(byte) 0xC3, 0x28},
              utf8(body.substring(quote))));
      send(
          "POST",
          "/chatkit",
          "invalid UTF-8 FF in a param" + label,
          Auth.OWN,
          "application/json",
          concat(
              utf8(body.substring(0, quote)),
              new byte[] {(byte) 0xFF},
              utf8(body.substring(quote))));
    }
    chatKit(
        "param 10000 deep" + label,
        Auth.OWN,
        "{\"type\":\""
            + type
            + "\",\"params\":{\""
            + first
            + "\":"
            + "[".repeat(DEEP)
            + "]".repeat(DEEP)
            + "}}");
    send("POST", "/chatkit", "text/plain" + label, Auth.OWN, "text/plain", utf8(body));
  }

  /** Another user's thread, item or attachment must look exactly like a missing one. */
  private void chatKitIsolation() {
    Map<String, Map<String, Object>> templates = chatKitTemplates();
    for (Map.Entry<String, Map<String, Object>> template : templates.entrySet()) {
      String type = template.getKey();
      Map<String, Object> params = template.getValue();
      if (params.containsKey("thread_id")) {
        isolation(
            "POST /chatkit params.thread_id=other user's (" + type + ")",
            "thread",
            id ->
                chatKit(
                    "params.thread_id=" + id + " (" + type + ")",
                    Auth.OWN,
                    chatKitBody(type, with(params, "thread_id", id))),
            otherThread,
            missingThread);
      }
      if (params.containsKey("item_id")) {
        String otherItem =
            type.equals("threads.retry_after_item") ? otherUserItem : otherAssistantItem;
        isolation(
            "POST /chatkit params.item_id=other user's (" + type + ")",
            "item",
            id ->
                chatKit(
                    "params.item_id=" + id + " (" + type + ")",
                    Auth.OWN,
                    chatKitBody(type, with(params, "item_id", id))),
            otherItem,
            missingItem);
      }
      if (params.containsKey("after")) {
        String otherAfter = type.equals("threads.list") ? otherThread : otherUserItem;
        String missingAfter = type.equals("threads.list") ? missingThread : missingItem;
        isolation(
            "POST /chatkit params.after=other user's (" + type + ")",
            "cursor",
            id ->
                chatKit(
                    "params.after=" + id + " (" + type + ")",
                    Auth.OWN,
                    chatKitBody(type, with(params, "after", id))),
            otherAfter,
            missingAfter);
      }
    }
    Map<String, Object> feedback = templates.get("items.feedback");
    isolation(
        "POST /chatkit params.item_ids=[other user's] (items.feedback)",
        "item",
        id ->
            chatKit(
                "params.item_ids=[" + id + "] (items.feedback)",
                Auth.OWN,
                chatKitBody("items.feedback", with(feedback, "item_ids", arr(id)))),
        otherAssistantItem,
        missingItem);
    isolation(
        "POST /chatkit params.attachment_id=other user's (attachments.delete)",
        "attachment",
        id ->
            chatKit(
                "params.attachment_id=" + id + " (attachments.delete)",
                Auth.OWN,
                chatKitBody("attachments.delete", obj("attachment_id", id))),
        otherAttachment,
        missingAttachment);
    isolation(
        "POST /chatkit params.input.attachments=[other user's] (threads.add_user_message)",
        "attachment",
        id ->
            chatKit(
                "params.input.attachments=[" + id + "] (threads.add_user_message)",
                Auth.OWN,
                chatKitBody(
                    "threads.add_user_message",
                    obj(
                        "thread_id",
                        ownThread,
                        "input",
                        obj(
                            "content", arr(obj("type", "input_text", "text", "see the file")),
                            "attachments", arr(id))))),
        otherAttachment,
        missingAttachment);
    isolation(
        "POST /chatkit params.input.attachments=[other user's] (threads.create)",
        "attachment",
        id ->
            chatKit(
                "params.input.attachments=[" + id + "] (threads.create)",
                Auth.OWN,
                chatKitBody(
                    "threads.create",
                    obj(
                        "input",
                        obj(
                            "content", arr(obj("type", "input_text", "text", "see the file")),
                            "attachments", arr(id))))),
        otherAttachment,
        missingAttachment);
  }

  // ---------------------------------------------------------------- attachments

  private void directUpload() {
    String path = "/chatkit/upload";
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
      send(method, path, "wrong method", Auth.OWN, null, null);
    }
    send("POST", path, "no body, no content type", Auth.OWN, null, null);
    send("POST", path, "empty body", Auth.OWN, "application/octet-stream", new byte[0]);
    send("POST", path, "text/plain body", Auth.OWN, "text/plain", utf8("hello"));
    send("POST", path, "JSON body", Auth.OWN, "application/json", utf8("{\"file\":\"x\"}"));
    send("POST", path, "multipart without boundary", Auth.OWN, "multipart/form-data", utf8("x"));
    send(
        "POST",
        path,
        "multipart empty boundary",
        Auth.OWN,
        "multipart/form-data; boundary=",
        utf8("x"));
    send(
        "POST",
        path,
        "multipart empty body",
        Auth.OWN,
        "multipart/form-data; boundary=b",
        new byte[0]);
    String b = "fuzzboundary";
    String type = "multipart/form-data; boundary=" + b;
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("no file part", part(b, "other", "a.txt", "text/plain", utf8("x"), true));
    parts.put("file part without filename", part(b, "file", null, "text/plain", utf8("x"), true));
    parts.put("empty filename", part(b, "file", "", "text/plain", utf8("x"), true));
    parts.put("filename with NUL", part(b, "file", "a\u0000b.txt", "text/plain", utf8("x"), true));
    parts.put(
        "filename path traversal",
        part(b, "file", "../../etc/passwd", "text/plain", utf8("x"), true));
    parts.put(
        "filename 10000 chars",
        part(b, "file", "f".repeat(10_000) + ".txt", "text/plain", utf8("x"), true));
    parts.put(
        "filename invalid UTF-8",
        concat(
            utf8("--" + b + "\r\nContent-Disposition: form-data; " + "name=\"file\"; filename=\"a"),
            new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
            utf8(".txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + b + "--\r\n")));
    parts.put(
        "part content type garbage",
        part(b, "file", "a.txt", "not/a/type/at all", utf8("x"), true));
    parts.put(
        "part content type with NUL",
        part(b, "file", "a.txt", "text/plain\u0000x", utf8("x"), true));
    parts.put(
        "part content type html", part(b, "file", "a.html", "text/html", utf8("<b>x</b>"), true));
    parts.put("empty file", part(b, "file", "a.txt", "text/plain", new byte[0], true));
    parts.put("unterminated multipart", part(b, "file", "a.txt", "text/plain", utf8("x"), false));
    parts.put("wrong boundary", part("other", "file", "a.txt", "text/plain", utf8("x"), true));
    parts.put("headers only", utf8("--" + b + "\r\nContent-Disposition: form-data; name=\"file\""));
    for (Map.Entry<String, byte[]> body : parts.entrySet()) {
      send("POST", path, body.getKey(), Auth.OWN, type, body.getValue());
    }
    send(
        "POST",
        path,
        "file over 25 MiB",
        Auth.OWN,
        type,
        part(b, "file", "big.bin", "application/octet-stream", new byte[OVERSIZE], true));
  }

  private void attachmentPaths() {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("garbage id", "nope");
    ids.put("missing id", missingAttachment);
    ids.put("dot-dot slash", "..%2F..%2Fetc%2Fpasswd");
    ids.put("dot-dot encoded", "%2e%2e");
    ids.put("NUL in id", "atc_%00x");
    ids.put("percent-encoded invalid UTF-8", "atc_%C3%28%FF");
    ids.put("unicode id", "%F0%9F%98%80");
    ids.put("space and quote", "a%20b%22c%27");
    ids.put("5000-char id", "a".repeat(5000));
    ids.put("another user's task id", otherTask);
    for (Map.Entry<String, String> id : ids.entrySet()) {
      send(
          "GET",
          "/chatkit/attachments/" + id.getValue() + "/content",
          id.getKey(),
          Auth.OWN,
          null,
          null);
      send(
          "PUT",
          "/chatkit/attachments/" + id.getValue() + "/upload",
          id.getKey(),
          Auth.OWN,
          "text/plain",
          utf8("abc"));
    }
    isolation(
        "GET /chatkit/attachments/{other user's}/content",
        "attachment",
        id ->
            send(
                "GET", "/chatkit/attachments/" + id + "/content", "id " + id, Auth.OWN, null, null),
        otherAttachment,
        missingAttachment);
    isolation(
        "PUT /chatkit/attachments/{other user's}/upload",
        "attachment",
        id ->
            send(
                "PUT",
                "/chatkit/attachments/" + id + "/upload",
                "id " + id,
                Auth.OWN,
                "text/plain",
                utf8("xyz")),
        otherAttachment,
        missingAttachment);
    isolation(
        "POST /chatkit/attachments/{other user's}/upload",
        "attachment",
        id ->
            send(
                "POST",
                "/chatkit/attachments/" + id + "/upload",
                "id " + id,
                Auth.OWN,
                "multipart/form-data; boundary=q",
                part("q", "file", "a.txt", "text/plain", utf8("xyz"), true)),
        otherAttachment,
        missingAttachment);

    String own = "/chatkit/attachments/" + ownAttachment;
    for (String path :
        List.of(
            "/chatkit/attachments/",
            "/chatkit/attachments",
            "/chatkit/attachments//upload",
            "/chatkit/attachments//content",
            own,
            own + "/",
            own + "/zzz",
            own + "/content/extra",
            own + "/upload/extra",
            "/chatkit/attachments/a/b/content")) {
      send("GET", path, "malformed attachment path", Auth.OWN, null, null);
    }
    for (String method : List.of("GET", "DELETE", "PATCH")) {
      send(method, own + "/upload", "wrong method", Auth.OWN, null, null);
    }
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      boolean bodyless = method.equals("DELETE");
      send(
          method,
          own + "/content",
          "wrong method",
          Auth.OWN,
          bodyless ? null : "text/plain",
          bodyless ? null : utf8("x"));
    }
    String upload = own + "/upload";
    send("PUT", upload, "no body, no content type", Auth.OWN, null, null);
    send("PUT", upload, "empty body", Auth.OWN, "application/octet-stream", new byte[0]);
    send("POST", upload, "empty body", Auth.OWN, "text/plain", new byte[0]);
    send(
        "PUT",
        upload,
        "size differs from the declared 3 bytes",
        Auth.OWN,
        "text/plain",
        utf8("much longer"));
    send("POST", upload, "multipart without boundary", Auth.OWN, "multipart/form-data", utf8("x"));
    send(
        "POST",
        upload,
        "multipart without file part",
        Auth.OWN,
        "multipart/form-data; boundary=q",
        part("q", "other", "a.txt", "text/plain", utf8("own"), true));
    send(
        "POST",
        upload,
        "unterminated multipart",
        Auth.OWN,
        "multipart/form-data; boundary=q",
        part("q", "file", "a.txt", "text/plain", utf8("own"), false));
    send("PUT", upload, "garbage content type", Auth.OWN, "not a / type;;;", utf8("own"));
    send(
        "PUT",
        upload,
        "body over 25 MiB",
        Auth.OWN,
        "application/octet-stream",
        new byte[OVERSIZE]);
    send("PUT", upload, "valid again", Auth.OWN, "text/plain", utf8("own"));

    String content = own + "/content";
    for (String query :
        List.of(
            "?sig=x",
            "?sig=x&u=bob&exp=99999999999999999999",
            "?sig=&u=&exp=",
            "?sig=%00&u=%00&exp=%00",
            "?sig=" + "A".repeat(4000) + "&u=alice&exp=1",
            "?sig=x&exp=-1&u=alice",
            "?sig=x&sig=y&u=a&u=b")) {
      send("GET", content + query, "signed link garbage", Auth.NONE, null, null);
    }
    send(
        "GET",
        "/chatkit/attachments/" + otherAttachment + "/content?sig=x&u=bob&exp=99999999999",
        "forged signed link for another user's attachment",
        Auth.NONE,
        null,
        null);
  }

  // ---------------------------------------------------------------- /api/tasks

  private void taskQueries() {
    List<String> queries =
        new ArrayList<>(
            List.of(
                "status=bogus",
                "status=",
                "status=%00",
                "status=OPEN",
                "status=open&status=done",
                "status=" + "x".repeat(4000),
                "limit=-1",
                "limit=0",
                "limit=abc",
                "limit=1.5",
                "limit=1e3",
                "limit=99999999999999999999999",
                "limit=-99999999999999999999999",
                "limit=" + "9".repeat(5000),
                "limit=%00",
                "limit=%201%20",
                "cursor=garbage",
                "cursor=%00",
                "cursor=eyJ4IjoxfQ",
                "cursor=" + "A".repeat(4000),
                "cursor=%FF%FE",
                "cursor=..%2F..%2F",
                "cursor=%7B%7D",
                "due_before=notadate",
                "due_before=2026-13-45",
                "due_before=2026-02-30",
                "due_before=99999-01-01",
                "due_before=%2B999999999-12-31",
                "due_before=-999999999-01-01",
                "due_before=2026-11-23T25:61:00Z",
                "due_before=%00",
                "due_before=" + "1".repeat(4000),
                "due_after=1e10",
                "due_after=2026-11-23T10:00:00%2B99:00",
                "due_after=now",
                "tag=%00",
                "tag=" + "t".repeat(4000),
                "tag=%C3%28",
                "tag=a&tag=b",
                "q=%00",
                "q=a%00b",
                "q=" + "q".repeat(6000),
                "q=%25%5F%5C",
                "q=%27%20OR%201%3D1--",
                "q=%C3%28%FF",
                "priority=urgent",
                "priority=%00",
                "priority=HIGH",
                "unknown=1",
                "%00=1",
                "=",
                "&&&",
                "status",
                "limit",
                "q=" + "%F0%9F%98%80".repeat(500)));
    for (String query : queries) {
      send("GET", "/api/tasks?" + query, "query " + shorten(query, 60), Auth.OWN, null, null);
    }
    send(
        "GET", "/api/tasks?q=" + "q".repeat(100_000), "query q=100000 chars", Auth.OWN, null, null);
  }

  private void tasks() {
    Map<String, Object> create =
        obj(
            "title",
            "Fuzz task",
            "description",
            "d",
            "priority",
            "high",
            "due",
            "2026-11-23",
            "tags",
            arr("fuzz"));
    bodyMutations(
        "POST",
        "/api/tasks",
        create,
        Map.of(
            "due",
                List.of(
                    "not a date",
                    "2026-13-45",
                    "2026-02-30",
                    "99999-01-01",
                    "+999999999-12-31",
                    "2026-11-23T25:61:00Z",
                    "1e10",
                    "-1"),
            "priority", List.of("HIGH", "urgent", " high "),
            "title", List.of("   ", "t".repeat(10_000))));
    send(
        "POST",
        "/api/tasks",
        "10000 tags",
        Auth.OWN,
        "application/json",
        utf8(
            write(
                with(
                    create, "tags", new ArrayList<>(java.util.Collections.nCopies(10_000, "t"))))));
    Map<String, Object> update =
        obj(
            "title",
            "Renamed",
            "description",
            null,
            "priority",
            "low",
            "due",
            null,
            "tags",
            arr(),
            "completed",
            true);
    bodyMutations(
        "PATCH",
        "/api/tasks/" + ownTask,
        update,
        Map.of("completed", List.of("true", "yes"), "due", List.of("2026-13-45", "not a date")));
    send(
        "PATCH", "/api/tasks/" + ownTask, "empty object", Auth.OWN, "application/json", utf8("{}"));

    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("garbage id", "nope");
    ids.put("number id", "123");
    ids.put("almost a UUID", "00000000-0000-0000-0000-00000000000g");
    ids.put("UUID with braces", "%7B" + missingTask + "%7D");
    ids.put("dot-dot slash", "..%2F..%2Fetc%2Fpasswd");
    ids.put("dot-dot encoded", "%2e%2e");
    ids.put("NUL in id", "abc%00def");
    ids.put("percent-encoded invalid UTF-8", "%C3%28%FF");
    ids.put("5000-char id", "a".repeat(5000));
    ids.put("SQL-ish id", "1%27%20OR%20%271%27%3D%271");
    ids.put("another user's thread id", otherThread);
    for (Map.Entry<String, String> id : ids.entrySet()) {
      String path = "/api/tasks/" + id.getValue();
      send("GET", path, id.getKey(), Auth.OWN, null, null);
      send("PATCH", path, id.getKey(), Auth.OWN, "application/json", utf8("{\"title\":\"x\"}"));
      send("DELETE", path, id.getKey(), Auth.OWN, null, null);
      send("POST", path + "/complete", id.getKey(), Auth.OWN, null, null);
      send("POST", path + "/reopen", id.getKey(), Auth.OWN, null, null);
    }
    isolation(
        "GET /api/tasks/{other user's}",
        "task",
        id -> send("GET", "/api/tasks/" + id, "id " + id, Auth.OWN, null, null),
        otherTask,
        missingTask);
    isolation(
        "PATCH /api/tasks/{other user's}",
        "task",
        id ->
            send(
                "PATCH",
                "/api/tasks/" + id,
                "id " + id,
                Auth.OWN,
                "application/json",
                utf8("{\"title\":\"hijacked\",\"completed\":true}")),
        otherTask,
        missingTask);
    isolation(
        "PATCH /api/tasks/{other user's} with a bad body",
        "task",
        id ->
            send(
                "PATCH",
                "/api/tasks/" + id,
                "id " + id + " bad body",
                Auth.OWN,
                "application/json",
                utf8("{\"priority\":\"urgent\"}")),
        otherTask,
        missingTask);
    isolation(
        "POST /api/tasks/{other user's}/complete",
        "task",
        id -> send("POST", "/api/tasks/" + id + "/complete", "id " + id, Auth.OWN, null, null),
        otherTask,
        missingTask);
    isolation(
        "POST /api/tasks/{other user's}/reopen",
        "task",
        id -> send("POST", "/api/tasks/" + id + "/reopen", "id " + id, Auth.OWN, null, null),
        otherTask,
        missingTask);
    isolation(
        "DELETE /api/tasks/{other user's}",
        "task",
        id -> send("DELETE", "/api/tasks/" + id, "id " + id, Auth.OWN, null, null),
        otherTask,
        missingTask);

    String own = "/api/tasks/" + ownTask;
    send("PUT", "/api/tasks", "wrong method", Auth.OWN, "application/json", utf8("{}"));
    send("DELETE", "/api/tasks", "wrong method", Auth.OWN, null, null);
    send("PATCH", "/api/tasks", "wrong method", Auth.OWN, "application/json", utf8("{}"));
    send("PUT", own, "wrong method", Auth.OWN, "application/json", utf8("{\"title\":\"x\"}"));
    send("POST", own, "wrong method", Auth.OWN, "application/json", utf8("{\"title\":\"x\"}"));
    send("GET", own + "/complete", "wrong method", Auth.OWN, null, null);
    send("DELETE", own + "/reopen", "wrong method", Auth.OWN, null, null);
    send(
        "POST",
        own + "/complete",
        "with a garbage body",
        Auth.OWN,
        "application/json",
        utf8("[[[\u0000"));
    send(
        "POST",
        own + "/reopen",
        "with invalid UTF-8 body",
        Auth.OWN,
        "application/json",
        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
    send("POST", own + "/zzz", "unknown action", Auth.OWN, null, null);
    send("GET", own + "/complete/extra", "extra segment", Auth.OWN, null, null);
    send("GET", "/api/tasks/", "trailing slash", Auth.OWN, null, null);
    send("GET", "/api/tasks//", "double slash", Auth.OWN, null, null);
    send("DELETE", own, "valid", Auth.OWN, null, null);
    send("DELETE", own, "already deleted", Auth.OWN, null, null);
    send("PATCH", own, "deleted task", Auth.OWN, "application/json", utf8("{\"title\":\"x\"}"));
  }

  /**
   * Mutations of a JSON body endpoint: every field with every wrong type and missing, the fields'
   * special bad values, then the whole-body mutations.
   */
  private void bodyMutations(
      String method, String path, Map<String, Object> template, Map<String, List<String>> special) {
    send(method, path, "valid", Auth.OWN, "application/json", utf8(write(template)));
    List<List<Object>> paths = new ArrayList<>();
    paths(template, List.of(), paths);
    for (List<Object> p : paths) {
      Object current = at(template, p);
      for (Mutation m : mutations(current, lastKey(p))) {
        send(
            method,
            path,
            pathText(p) + "=" + m.label(),
            Auth.OWN,
            "application/json",
            utf8(write(replaced(template, p, 0, m.value()))));
      }
    }
    special.forEach(
        (field, values) ->
            values.forEach(
                value ->
                    send(
                        method,
                        path,
                        field + "=" + shorten(value, 30),
                        Auth.OWN,
                        "application/json",
                        utf8(write(with(template, field, value))))));
    wholeBody(method, path, template);
  }

  /** Whole-body mutations shared by the JSON REST endpoints. */
  private void wholeBody(String method, String path, Map<String, Object> template) {
    String valid = write(template);
    String first = template.keySet().iterator().next();
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("empty body", new byte[0]);
    bodies.put("JSON array", utf8("[" + valid + "]"));
    bodies.put("JSON number", utf8("42"));
    bodies.put("JSON null", utf8("null"));
    bodies.put("JSON string", utf8("\"x\""));
    bodies.put("truncated", utf8(valid.substring(0, valid.length() / 2)));
    bodies.put("trailing garbage", utf8(valid + "}"));
    bodies.put("unknown field", utf8(write(with(template, "zzz_unknown", 1))));
    bodies.put("NUL key", utf8(write(with(template, "\u0000", "x"))));
    bodies.put(
        "NUL in key " + first, utf8("{\"" + first + "\\u0000\":\"x\"," + valid.substring(1)));
    bodies.put("duplicate key " + first, utf8("{\"" + first + "\":[{}]," + valid.substring(1)));
    bodies.put(
        "duplicate key " + first + " NUL last",
        utf8(valid.substring(0, valid.length() - 1) + ",\"" + first + "\":\"\\u0000\"}"));
    bodies.put(
        "invalid UTF-8 C3 28",
        concat(utf8("{\"" + first + "\":\"a"), new byte[] {(byte) 0xC3, 0x28}, utf8("\"}")));
    bodies.put("invalid UTF-8 FF", concat(new byte[] {(byte) 0xFF}, utf8(valid)));
    bodies.put(
        "invalid UTF-8 in key", concat(utf8("{\"a"), new byte[] {(byte) 0xFF}, utf8("\":1}")));
    bodies.put("lone surrogate", utf8("{\"" + first + "\":\"a\\udc00b\"}"));
    bodies.put("objects 10000 deep", utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
    bodies.put(
        "field 10000 deep",
        utf8("{\"" + first + "\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}"));
    bodies.put("unclosed 10000 deep", utf8("[".repeat(DEEP)));
    bodies.put("10000-digit number", utf8("{\"" + first + "\":" + "9".repeat(10_000) + "}"));
    bodies.put("UTF-16 body", valid.getBytes(StandardCharsets.UTF_16));
    for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
      send(method, path, body.getKey(), Auth.OWN, "application/json", body.getValue());
    }
    for (String type :
        Arrays.asList(
            "text/plain",
            "application/xml",
            null,
            "application/x-www-form-urlencoded",
            "application/json; charset=no-such-charset")) {
      send(method, path, "content type " + type, Auth.OWN, type, utf8(valid));
    }
    send(
        method,
        path,
        "body over 25 MiB",
        Auth.OWN,
        "application/json",
        utf8("{\"" + first + "\":\"" + "x".repeat(OVERSIZE) + "\"}"));
  }

  // ---------------------------------------------------------------- /api/v1 and /api/dev/token

  private void chatApi() {
    bodyMutations(
        "POST",
        "/api/v1/chat",
        obj("message", "hello", "conversation_id", ownThread),
        Map.of(
            "message",
            List.of(" ", "m".repeat(100_001)),
            "conversation_id",
            List.of("", "nope", "..%2F", "a".repeat(101))));
    isolation(
        "POST /api/v1/chat conversation_id=other user's",
        "conversation",
        id ->
            send(
                "POST",
                "/api/v1/chat",
                "conversation_id=" + id,
                Auth.OWN,
                "application/json",
                utf8(write(obj("message", "hello", "conversation_id", id)))),
        otherThread,
        missingThread);
    for (String method : List.of("GET", "PUT", "DELETE")) {
      send(method, "/api/v1/chat", "wrong method", Auth.OWN, null, null);
    }
    for (String query :
        List.of(
            "limit=-1",
            "limit=0",
            "limit=abc",
            "limit=1.5",
            "limit=%00",
            "limit=99999999999999999999999",
            "limit=" + "9".repeat(5000),
            "limit=a&limit=b",
            "after=%00",
            "%00=1")) {
      send(
          "GET",
          "/api/v1/conversations?" + query,
          "query " + shorten(query, 40),
          Auth.OWN,
          null,
          null);
    }
    send("POST", "/api/v1/conversations", "wrong method", Auth.OWN, "application/json", utf8("{}"));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("garbage id", "nope");
    ids.put("dot-dot slash", "..%2F..%2Fetc%2Fpasswd");
    ids.put("NUL in id", "thr_%00");
    ids.put("percent-encoded invalid UTF-8", "%C3%28%FF");
    ids.put("5000-char id", "a".repeat(5000));
    ids.put("another user's task id", otherTask);
    ids.put("own message id", ownUserItem);
    for (Map.Entry<String, String> id : ids.entrySet()) {
      send(
          "GET",
          "/api/v1/conversations/" + id.getValue() + "/messages",
          id.getKey(),
          Auth.OWN,
          null,
          null);
    }
    isolation(
        "GET /api/v1/conversations/{other user's}/messages",
        "conversation",
        id ->
            send(
                "GET",
                "/api/v1/conversations/" + id + "/messages",
                "id " + id,
                Auth.OWN,
                null,
                null),
        otherThread,
        missingThread);
    send(
        "DELETE",
        "/api/v1/conversations/" + ownThread + "/messages",
        "wrong method",
        Auth.OWN,
        null,
        null);
    send("GET", "/api/v1/conversations/" + ownThread, "no such route", Auth.OWN, null, null);
  }

  private void devToken() {
    String path = "/api/dev/token";
    send("POST", path, "valid", Auth.NONE, "application/json", utf8("{\"user\":\"fuzz\"}"));
    for (Mutation m : mutations("fuzz", "user")) {
      send(
          "POST",
          path,
          "user=" + m.label(),
          Auth.NONE,
          "application/json",
          utf8(write(replaced(obj("user", "fuzz"), List.of("user"), 0, m.value()))));
    }
    for (String body :
        List.of(
            "",
            "[]",
            "{",
            "{\"user\":\"a\",\"user\":\"b\"}",
            "{\"\\u0000\":\"a\"}",
            "{\"user\":\"fuzz\",\"sub\":\"root\",\"exp\":99999999999}")) {
      send("POST", path, "body " + shorten(body, 30), Auth.NONE, "application/json", utf8(body));
    }
    send(
        "POST",
        path,
        "invalid UTF-8",
        Auth.NONE,
        "application/json",
        concat(utf8("{\"user\":\""), new byte[] {(byte) 0xC3, 0x28}, utf8("\"}")));
    send(
        "POST",
        path,
        "objects 10000 deep",
        Auth.NONE,
        "application/json",
        utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
    send("POST", path, "text/plain", Auth.NONE, "text/plain", utf8("{\"user\":\"fuzz\"}"));
    send("POST", path, "no content type", Auth.NONE, null, utf8("{\"user\":\"fuzz\"}"));
    send("GET", path, "wrong method", Auth.NONE, null, null);
  }

  /** Every protected endpoint without a usable token: a JSON 401 (or a JSON 404 for dev login). */
  private void authentication() {
    List<String[]> endpoints =
        List.of(
            new String[] {
              "POST", "/chatkit", "application/json", chatKitBody("threads.list", obj())
            },
            new String[] {
              "POST", "/chatkit/upload", "multipart/form-data; boundary=q", "--q--\r\n"
            },
            new String[] {
              "PUT", "/chatkit/attachments/" + ownAttachment + "/upload", "text/plain", "x"
            },
            new String[] {"GET", "/chatkit/attachments/" + ownAttachment + "/content", null, null},
            new String[] {"GET", "/api/tasks", null, null},
            new String[] {"POST", "/api/tasks", "application/json", "{\"title\":\"x\"}"},
            new String[] {"DELETE", "/api/tasks/" + missingTask, null, null},
            new String[] {"POST", "/api/v1/chat", "application/json", "{\"message\":\"hello\"}"},
            new String[] {"GET", "/api/v1/conversations", null, null},
            new String[] {"GET", "/api/v1/conversations/" + ownThread + "/messages", null, null});
    for (String[] e : endpoints) {
      for (Auth auth : List.of(Auth.NONE, Auth.GARBAGE, Auth.TAMPERED, Auth.BASIC)) {
        send(
            e[0],
            e[1],
            "auth " + auth.name().toLowerCase(Locale.ROOT),
            auth,
            e[2],
            e[3] == null ? null : utf8(e[3]));
      }
    }
  }

  /**
   * Bytes the JDK client refuses to send: broken percent-encoding, raw bytes in a path, bad chunks.
   */
  private void rawSocket() {
    String auth = "Authorization: Bearer " + token + "\r\n";
    raw(
        "GET",
        "/api/tasks/%zz",
        "invalid percent-encoding in path",
        utf8(
            "GET /api/tasks/%zz HTTP/1.1\r\nHost: localhost\r\n"
                + auth
                + "Connection: close\r\n\r\n"));
    raw(
        "GET",
        "/api/tasks?status=%zz",
        "invalid percent-encoding in query",
        utf8(
            "GET /api/tasks?status=%zz&q=%e HTTP/1.1\r\nHost: localhost\r\n"
                + auth
                + "Connection: close\r\n\r\n"));
    raw(
        "GET",
        "/api/tasks?q=<raw C3 28 FF>",
        "raw invalid UTF-8 in query",
        concat(
            utf8("GET /api/tasks?q="),
            new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
            utf8(" HTTP/1.1\r\nHost: localhost\r\n" + auth + "Connection: close\r\n\r\n")),
        false,
        true);
    raw(
        "GET",
        "/chatkit/attachments/<raw FF>/content",
        "raw invalid UTF-8 in path",
        concat(
            utf8("GET /chatkit/attachments/"),
            new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28},
            utf8("/content HTTP/1.1\r\nHost: localhost\r\n" + auth + "Connection: close\r\n\r\n")));
    String body = chatKitBody("threads.list", obj());
    raw(
        "POST",
        "/chatkit",
        "malformed chunk size",
        utf8(
            "POST /chatkit HTTP/1.1\r\nHost: localhost\r\n"
                + auth
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n"
                + body
                + "\r\n0\r\n\r\n"));
    raw(
        "POST",
        "/chatkit",
        "chunked body cut short",
        utf8(
            "POST /chatkit HTTP/1.1\r\nHost: localhost\r\n"
                + auth
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length() + 50)
                + "\r\n"
                + body
                + "\r\n0\r\n\r\n"),
        true,
        false);
    raw(
        "POST",
        "/api/tasks",
        "body shorter than Content-Length",
        utf8(
            "POST /api/tasks HTTP/1.1\r\nHost: localhost\r\n"
                + auth
                + "Content-Type: application/json\r\n"
                + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"title\":\"x\"}"),
        true,
        false);
    raw(
        "POST",
        "/api/tasks",
        "NUL byte raw in body",
        concat(
            utf8(
                "POST /api/tasks HTTP/1.1\r\nHost: localhost\r\n"
                    + auth
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 14\r\n"
                    + "Connection: close\r\n\r\n"
                    + "{\"title\":\"a"),
            new byte[] {0},
            utf8("\"}")));
  }

  // ---------------------------------------------------------------- isolation

  /** Sends the probe with another user's id and with a missing id; the answers must not differ. */
  private void isolation(
      String where, String what, Function<String, Res> probe, String otherId, String missingId) {
    Res other = probe.apply(otherId);
    Res missing = probe.apply(missingId);
    if (other.status < 0 || missing.status < 0) {
      return;
    }
    String a = signature(other, otherId);
    String b = signature(missing, missingId);
    if (!a.equals(b)) {
      violations.add(
          where
              + " -> "
              + other.status
              + ": another user's "
              + what
              + " is distinguishable from a missing one: ["
              + a
              + "] vs missing ["
              + b
              + "]");
    } else if (what.equals("thread")
        && !(a.startsWith("404 ")
            || a.startsWith("stream error") && a.toLowerCase(Locale.ROOT).contains("not found"))) {
      violations.add(
          where
              + " -> "
              + other.status
              + ": another user's thread must be a 404 or an "
              + "error event saying not found, was ["
              + a
              + "]");
    }
  }

  private String signature(Res res, String id) {
    if (res.sse()) {
      for (Map<?, ?> event : events(res)) {
        if ("error".equals(event.get("type"))) {
          return "stream error "
              + event.get("code")
              + " "
              + normalise(String.valueOf(event.get("message")), id);
        }
      }
      return "stream without error";
    }
    Object parsed = parseOrNull(res.text());
    if (parsed instanceof Map<?, ?> map && map.get("error") instanceof Map<?, ?> error) {
      return res.status
          + " "
          + error.get("code")
          + " "
          + normalise(String.valueOf(error.get("message")), id);
    }
    return Integer.toString(res.status);
  }

  private static String normalise(String message, String id) {
    return message.replace(id, "{id}");
  }

  // ---------------------------------------------------------------- sending and checking

  private Res json(String method, String path, String label, Auth auth, String body) {
    return send(method, path, label, auth, "application/json", utf8(body));
  }

  private boolean outOfTime() {
    if (gaveUp || System.nanoTime() > deadline) {
      skipped++;
      return true;
    }
    return false;
  }

  private Res send(
      String method, String path, String label, Auth auth, String contentType, byte[] body) {
    if (outOfTime()) {
      return Res.SKIPPED;
    }
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(TIMEOUT)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException e) {
      violations.add(
          "fuzzer: cannot build " + method + " " + shorten(path, 100) + ": " + e.getMessage());
      return Res.SKIPPED;
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    authorize(request, auth);
    return exchange(method, path, label, request.build());
  }

  /** A body of {@code size} bytes sent chunked, with no length up front. */
  private Res sendStreamed(String method, String path, String label, String contentType, int size) {
    if (outOfTime()) {
      return Res.SKIPPED;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", contentType)
            .method(
                method,
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(new byte[size])));
    authorize(request, Auth.OWN);
    return exchange(method, path, label, request.build());
  }

  private void authorize(HttpRequest.Builder request, Auth auth) {
    switch (auth) {
      case OWN -> request.header("Authorization", "Bearer " + token);
      case OTHER -> request.header("Authorization", "Bearer " + otherToken);
      case GARBAGE -> request.header("Authorization", "Bearer not.a.jwt");
      case TAMPERED -> request.header("Authorization", "Bearer " + tampered(token));
      case BASIC -> request.header("Authorization", "Basic Zm9vOmJhcg==");
      case NONE -> {}
    }
  }

  private static String tampered(String jwt) {
    int dot = jwt.indexOf('.') + 1;
    if (dot <= 0 || dot >= jwt.length()) {
      return jwt + "x";
    }
    char c = jwt.charAt(dot);
    return jwt.substring(0, dot) + (c == 'A' ? 'B' : 'A') + jwt.substring(dot + 1);
  }

  private Res exchange(String method, String path, String label, HttpRequest request) {
    long start = System.nanoTime();
    Res res;
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String type = response.headers().firstValue("Content-Type").orElse("");
      long left = TIMEOUT.toNanos() - (System.nanoTime() - start);
      InputStream in = response.body();
      Future<byte[]> read =
          readers.submit(
              () -> {
                try (in) {
                  return in.readNBytes(MAX_READ);
                }
              });
      byte[] body;
      boolean timedOut = false;
      try {
        body = read.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        timedOut = true;
        read.cancel(true);
        in.close();
        body = new byte[0];
      } catch (ExecutionException e) {
        body = new byte[0];
        String cause = String.valueOf(e.getCause());
        res = new Res(response.statusCode(), type, body, false, "body cut off: " + cause);
        return checked(method, path, label, res);
      }
      res = new Res(response.statusCode(), type, body, timedOut, null);
    } catch (IOException e) {
      res =
          new Res(
              -1,
              "",
              new byte[0],
              e instanceof java.net.http.HttpTimeoutException,
              String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      res = new Res(-1, "", new byte[0], false, "interrupted");
      gaveUp = true;
    }
    return checked(method, path, label, res);
  }

  private Res raw(String method, String path, String label, byte[] request) {
    return raw(method, path, label, request, false, false);
  }

  /**
   * Sends {@code request}, which is malformed, over a socket: unless {@code mayAccept} (a server
   * may read it leniently), a success answer is a violation. With {@code halfClose} the sending
   * side is shut after the bytes, so a server waiting for the rest of a promised body sees its end
   * instead of timing out; closing without an answer is then fine, as the request never arrived
   * whole.
   */
  private Res raw(
      String method,
      String path,
      String label,
      byte[] request,
      boolean halfClose,
      boolean mayAccept) {
    if (outOfTime()) {
      return Res.SKIPPED;
    }
    Res res;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), ownPort), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      res = parseRawResponse(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      res = new Res(-1, "", new byte[0], true, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      res = new Res(-1, "", new byte[0], false, String.valueOf(e));
    }
    if (halfClose && res.status < 0 && !res.timedOut) {
      requests++;
      return res;
    }
    if (res.status / 100 == 2 && !mayAccept && !answeredByTheContainer(res)) {
      violations.add(
          method
              + " "
              + path
              + " "
              + label
              + " (raw socket) -> "
              + res.status
              + ": a malformed request was answered as a success: "
              + snippet(res.text()));
    }
    return checked(method, path, label + " (raw socket)", res);
  }

  private static Res parseRawResponse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (all.size() < MAX_READ && (n = in.read(buffer)) > 0) {
      all.write(buffer, 0, n);
    }
    byte[] bytes = all.toByteArray();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Res(-1, "", bytes, false, "no HTTP response: " + snippet(text));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String type = "";
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = line.substring(13).strip();
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
    return new Res(status, type, chunked ? dechunk(body) : body, false, null);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int eol = text.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size;
      try {
        size = Integer.parseInt(text.substring(at, eol).split(";")[0].strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      int from = eol + 2;
      int to = Math.min(from + size, body.length);
      out.write(body, from, to - from);
      at = to + 2;
    }
    return out.toByteArray();
  }

  /**
   * Empty and untyped: the application never answers so, the container does when it cannot parse.
   */
  private static boolean answeredByTheContainer(Res res) {
    return (res.status == 400 || res.status == 200)
        && res.body.length == 0
        && res.contentType.isEmpty();
  }

  /** Counts the request and records what is wrong with its answer. */
  private Res checked(String method, String path, String label, Res res) {
    requests++;
    String where = method + " " + shorten(path, 100) + " " + shorten(label, 120) + " -> ";
    if (res.status < 0) {
      failuresInARow++;
      if (failuresInARow >= GIVE_UP_AFTER_FAILURES) {
        gaveUp = true;
      }
      violations.add(
          where
              + "no answer: "
              + (res.timedOut ? "no response within " + TIMEOUT.toSeconds() + " s" : res.failure));
      return res;
    }
    failuresInARow = 0;
    List<String> reasons = new ArrayList<>();
    String text = res.text();
    if (res.status >= 500) {
      serverErrors++;
      reasons.add("server error: " + snippet(text));
    } else if (answeredByTheContainer(res)) {
      containerRefusals.add(where + res.status);
    } else if (res.status >= 400) {
      String shape = errorShape(res);
      if (shape != null) {
        reasons.add(shape);
      }
    }
    String leak = internals(text);
    if (leak != null) {
      reasons.add("the body reveals internals (" + leak + "): " + around(text, leak));
    }
    if (res.timedOut) {
      reasons.add("the body did not end within " + TIMEOUT.toSeconds() + " s");
    }
    if (res.failure != null) {
      reasons.add(res.failure);
    }
    if (res.status / 100 == 2
        && res.body.length < MAX_READ
        && res.contentType.toLowerCase(Locale.ROOT).startsWith("application/json")
        && parseOrNull(text) == null) {
      reasons.add("a JSON success whose body does not parse: " + snippet(text));
    }
    if (res.sse()) {
      for (String line : text.split("\n")) {
        if (line.startsWith("data:")
            && !(parseOrNull(line.substring(5).strip()) instanceof Map<?, ?>)) {
          reasons.add("an SSE event is not a JSON object: " + snippet(line));
          break;
        }
      }
    }
    if (!reasons.isEmpty()) {
      violations.add(where + res.status + ": " + String.join("; ", reasons));
    }
    return res;
  }

  /** Null when the answer is a JSON error object; else what is wrong with it. */
  private static String errorShape(Res res) {
    if (!res.contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return "a 4xx that is not JSON (Content-Type '"
          + res.contentType
          + "'): "
          + snippet(res.text());
    }
    Object parsed = parseOrNull(res.text());
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("error") instanceof Map<?, ?> error)) {
      return "a 4xx whose body is not {\"error\":{…}}: " + snippet(res.text());
    }
    if (!(error.get("code") instanceof String code)
        || code.isBlank()
        || !(error.get("message") instanceof String)) {
      return "a 4xx error without error.code and error.message: " + snippet(res.text());
    }
    return null;
  }

  /** The first sign of internals in {@code text}: the matching text, or null. */
  private String internals(String text) {
    for (Pattern pattern : INTERNALS) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return m.group();
      }
    }
    Matcher port = LOCAL_PORT.matcher(text);
    while (port.find()) {
      if (Integer.parseInt(port.group(1)) != ownPort) {
        return port.group();
      }
    }
    return null;
  }

  private static List<Map<?, ?>> events(Res res) {
    List<Map<?, ?>> events = new ArrayList<>();
    if (!res.sse()) {
      return events;
    }
    for (String line : res.text().split("\n")) {
      if (line.startsWith("data:")
          && parseOrNull(line.substring(5).strip()) instanceof Map<?, ?> event) {
        events.add(event);
      }
    }
    return events;
  }

  // ---------------------------------------------------------------- mutations

  /**
   * Values to put where {@code current} is: every other JSON type, missing, and bad values of its
   * own.
   */
  private List<Mutation> mutations(Object current, String key) {
    List<Mutation> m = new ArrayList<>();
    m.add(new Mutation("missing", REMOVE));
    m.add(new Mutation("null", null));
    if (!(current instanceof String)) {
      m.add(new Mutation("string", "x"));
    }
    if (!(current instanceof Number)) {
      m.add(new Mutation("number", 42));
    }
    if (!(current instanceof Boolean)) {
      m.add(new Mutation("bool", true));
    }
    if (!(current instanceof List)) {
      m.add(new Mutation("array", arr("x")));
    }
    if (!(current instanceof Map)) {
      m.add(new Mutation("object", obj("a", "b")));
    }
    if (current instanceof String) {
      m.add(new Mutation("empty string", ""));
      m.add(new Mutation("blank", " \t "));
      m.add(new Mutation("NUL", "a\u0000b"));
      m.add(new Mutation("only NUL", "\u0000"));
      m.add(new Mutation("lone surrogate", "a\uD800b"));
      m.add(new Mutation("control chars", "a\u0001\u001b[31m\u007fb"));
      m.add(new Mutation("1 MiB", MIB));
      if (key != null && (key.endsWith("id") || key.equals("after") || key.equals("type"))) {
        m.add(new Mutation("path traversal", "../../etc/passwd"));
        m.add(new Mutation("101 chars", "t".repeat(101)));
        m.add(new Mutation("SQL-ish", "thr_' OR '1'='1"));
        m.add(new Mutation("emoji", "thr_\uD83D\uDE00"));
        m.add(new Mutation("percent NUL", "thr_%00"));
      }
    } else if (current instanceof Number) {
      m.add(new Mutation("numeric string", "5"));
      m.add(new Mutation("-1", -1));
      m.add(new Mutation("0", 0));
      m.add(new Mutation("1.5", 1.5));
      m.add(new Mutation("1e400", new Raw("1e400")));
      m.add(new Mutation("2^64+", new Raw("99999999999999999999999")));
      m.add(new Mutation("-2^64-", new Raw("-99999999999999999999999")));
    } else if (current instanceof Boolean) {
      m.add(new Mutation("boolean string", "true"));
      m.add(new Mutation("1", 1));
    } else if (current instanceof List<?> list) {
      m.add(new Mutation("empty array", arr()));
      m.add(new Mutation("[number]", arr(42)));
      m.add(new Mutation("[null]", Arrays.asList((Object) null)));
      m.add(new Mutation("[[]]", arr(arr())));
      m.add(new Mutation("[NUL]", arr("\u0000")));
      Object element = list.isEmpty() ? "x" : list.get(0);
      m.add(
          new Mutation(
              "10000 elements", new ArrayList<>(java.util.Collections.nCopies(10_000, element))));
    } else if (current instanceof Map<?, ?>) {
      m.add(new Mutation("empty object", obj()));
      m.add(new Mutation("NUL key", obj("\u0000", "x")));
      m.add(new Mutation("unknown member", obj("zzz_unknown", arr(1))));
    }
    return m;
  }

  private static void paths(Object node, List<Object> prefix, List<List<Object>> out) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        List<Object> path = append(prefix, key);
        out.add(path);
        paths(map.get(key), path, out);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        List<Object> path = append(prefix, i);
        out.add(path);
        paths(list.get(i), path, out);
      }
    }
  }

  private static List<Object> append(List<Object> prefix, Object step) {
    List<Object> path = new ArrayList<>(prefix);
    path.add(step);
    return path;
  }

  private static Object at(Object node, List<Object> path) {
    for (Object step : path) {
      node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
    }
    return node;
  }

  /**
   * A copy of {@code node} with the value at {@code path} replaced ({@link #REMOVE} removes it).
   */
  private static Object replaced(Object node, List<Object> path, int depth, Object value) {
    Object step = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (step instanceof Integer i) {
      List<Object> copy = new ArrayList<>((List<?>) node);
      if (last && value == REMOVE) {
        copy.remove((int) i);
      } else {
        copy.set(i, last ? value : replaced(copy.get(i), path, depth + 1, value));
      }
      return copy;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    ((Map<?, ?>) node).forEach((k, v) -> copy.put((String) k, v));
    if (last && value == REMOVE) {
      copy.remove(step);
    } else {
      copy.put((String) step, last ? value : replaced(copy.get(step), path, depth + 1, value));
    }
    return copy;
  }

  private static String lastKey(List<Object> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i) instanceof String key) {
        return key;
      }
    }
    return null;
  }

  private static String pathText(List<Object> path) {
    StringBuilder text = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer i) {
        text.append('[').append(i).append(']');
      } else {
        text.append(text.length() == 0 ? "" : ".").append(step);
      }
    }
    return text.toString();
  }

  private static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return value instanceof List ? "array" : "object";
  }

  // ---------------------------------------------------------------- JSON writing and reading

  private static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<Object> arr(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Raw raw) {
      out.append(raw.text());
    } else if (value instanceof String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
          // Surrogates as escapes: a lone one cannot be encoded as UTF-8, only sent escaped.
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        write(out, entry.getKey());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(out, list.get(i));
      }
      out.append(']');
    } else {
      out.append(value);
    }
  }

  private static Object parseOrNull(String text) {
    try {
      return new JsonReader(text).document();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A small strict JSON reader (objects as maps, arrays as lists, numbers as doubles). */
  private static final class JsonReader {
    private final String s;
    private int i;
    private int depth;

    JsonReader(String s) {
      this.s = s;
    }

    Object document() {
      Object value = value();
      space();
      if (i != s.length()) {
        throw new IllegalArgumentException("trailing data");
      }
      return value;
    }

    private Object value() {
      space();
      if (i >= s.length()) {
        throw new IllegalArgumentException("end of input");
      }
      if (++depth > 256) {
        throw new IllegalArgumentException("too deep");
      }
      try {
        char c = s.charAt(i);
        return switch (c) {
          case '{' -> object();
          case '[' -> array();
          case '"' -> string();
          case 't' -> literal("true", Boolean.TRUE);
          case 'f' -> literal("false", Boolean.FALSE);
          case 'n' -> literal("null", null);
          default -> number();
        };
      } finally {
        depth--;
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      i++;
      space();
      if (peek() == '}') {
        i++;
        return map;
      }
      while (true) {
        space();
        if (peek() != '"') {
          throw new IllegalArgumentException("key expected");
        }
        String key = string();
        space();
        expect(':');
        map.put(key, value());
        space();
        if (peek() == ',') {
          i++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      i++;
      space();
      if (peek() == ']') {
        i++;
        return list;
      }
      while (true) {
        list.add(value());
        space();
        if (peek() == ',') {
          i++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      i++;
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("control character in string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape");
        }
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, i)) {
        throw new IllegalArgumentException("bad literal");
      }
      i += word.length();
      return value;
    }

    private Double number() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (start == i) {
        throw new IllegalArgumentException("unexpected character");
      }
      return Double.valueOf(s.substring(start, i));
    }

    private char peek() {
      if (i >= s.length()) {
        throw new IllegalArgumentException("end of input");
      }
      return s.charAt(i);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException(c + " expected");
      }
      i++;
    }

    private void space() {
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }
  }

  // ---------------------------------------------------------------- small helpers

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /**
   * One multipart part; {@code filename} null leaves it out, {@code closed} false drops the end.
   */
  private static byte[] part(
      String boundary, String name, String filename, String type, byte[] content, boolean closed) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (filename == null ? "" : "; filename=\"" + filename + "\"")
            + "\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    return concat(utf8(head), content, utf8(closed ? "\r\n--" + boundary + "--\r\n" : ""));
  }

  private static String hex() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static String shorten(String text, int max) {
    String clean = text.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() <= max
        ? clean
        : clean.substring(0, max) + "…(" + clean.length() + " chars)";
  }

  private static String snippet(String text) {
    return shorten(text, 200);
  }

  private static String around(String text, String found) {
    int at = Math.max(text.indexOf(found), 0);
    return shorten(
        text.substring(Math.max(at - 80, 0), Math.min(at + found.length() + 120, text.length())),
        220);
  }
}
