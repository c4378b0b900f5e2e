package dev.tasktalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.it.Http.Reply;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tasks REST API, authentication and operations endpoints over real HTTP, on the built WAR
 * deployed to Payara Micro with a real PostgreSQL. One deployment serves every test here, since
 * each costs ~11 s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TasksApiIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private Http as(String subject) throws Exception {
    return new Http(base.toURI(), ItEnvironment.keys().token("HS256", subject));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void aTask_goesThroughItsWholeLife() throws Exception {
    Http alice = as(unique("alice"));

    Reply created =
        alice.post(
            "api/tasks",
            """
            {"title":"  Buy milk  ","description":"semi-skimmed","due":"2026-11-23","tags":["Home","errand"]}\
            """);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject task = created.json();
    String id = task.getString("id");
    assertThat(created.header("Location")).endsWith("/api/tasks/" + id);
    assertThat(task.getString("title")).isEqualTo("Buy milk");
    assertThat(task.getString("priority")).isEqualTo("medium");
    assertThat(task.getString("due")).isEqualTo("2026-11-23");
    assertThat(task.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("home", "errand");
    assertThat(task.getBoolean("completed")).isFalse();
    assertThat(task.isNull("completed_at")).isTrue();
    assertThat(Instant.parse(task.getString("created_at"))).isBeforeOrEqualTo(Instant.now());

    assertThat(alice.get("api/tasks/" + id).json()).isEqualTo(task);

    Reply patched =
        alice.patch(
            "api/tasks/" + id,
            "{\"title\":\"Buy oat"
                + " milk\",\"description\":null,\"priority\":\"high\",\"due\":\"2026-11-24T09:30:00+01:00\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().getString("title")).isEqualTo("Buy oat milk");
    assertThat(patched.json().isNull("description")).isTrue();
    assertThat(patched.json().getString("priority")).isEqualTo("high");
    assertThat(patched.json().getString("due")).isEqualTo("2026-11-24T08:30:00Z");

    JsonObject done = alice.post("api/tasks/" + id + "/complete", null).json();
    assertThat(done.getBoolean("completed")).isTrue();
    assertThat(done.getString("completed_at")).isNotBlank();
    JsonObject reopened = alice.post("api/tasks/" + id + "/reopen", null).json();
    assertThat(reopened.getBoolean("completed")).isFalse();
    assertThat(reopened.isNull("completed_at")).isTrue();

    assertThat(alice.delete("api/tasks/" + id).status()).isEqualTo(204);
    assertThat(alice.get("api/tasks/" + id).status()).isEqualTo(404);
    assertThat(alice.delete("api/tasks/" + id).status()).isEqualTo(404);
  }

  @Test
  void listing_filtersAndPagesNewestFirst_stableUnderInserts() throws Exception {
    Http carol = as(unique("carol"));
    carol.post(
        "api/tasks",
        "{\"title\":\"Call"
            + " mum\",\"priority\":\"high\",\"due\":\"2026-11-20\",\"tags\":[\"family\"]}");
    carol.post(
        "api/tasks",
        "{\"title\":\"Pay rent\",\"description\":\"100% of it,"
            + " by_friday\",\"due\":\"2026-12-01\"}");
    String doneId =
        carol
            .post(
                "api/tasks",
                "{\"title\":\"Water plants\",\"priority\":\"low\",\"tags\":[\"home\"]}")
            .json()
            .getString("id");
    carol.post("api/tasks/" + doneId + "/complete", null);

    assertThat(titles(carol.get("api/tasks?status=open"))).containsExactly("Pay rent", "Call mum");
    assertThat(titles(carol.get("api/tasks?status=done"))).containsExactly("Water plants");
    assertThat(titles(carol.get("api/tasks")))
        .containsExactly("Water plants", "Pay rent", "Call mum");
    assertThat(titles(carol.get("api/tasks?q=MUM"))).containsExactly("Call mum");
    assertThat(titles(carol.get("api/tasks?q=100%25"))).containsExactly("Pay rent");
    assertThat(titles(carol.get("api/tasks?q=by_f"))).containsExactly("Pay rent");
    assertThat(titles(carol.get("api/tasks?q=y_r"))).isEmpty();
    assertThat(titles(carol.get("api/tasks?priority=high"))).containsExactly("Call mum");
    assertThat(titles(carol.get("api/tasks?due_before=2026-11-25"))).containsExactly("Call mum");
    assertThat(titles(carol.get("api/tasks?due_after=2026-11-25T00:00:00Z")))
        .containsExactly("Pay rent");
    assertThat(titles(carol.get("api/tasks?tag=HOME"))).containsExactly("Water plants");

    for (int i = 0; i < 7; i++) {
      carol.post("api/tasks", "{\"title\":\"Task " + i + "\"}");
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Reply page = carol.get("api/tasks?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      seen.addAll(titles(page));
      if (pages++ == 0) {
        carol.post("api/tasks", "{\"title\":\"Added while paging\"}");
      }
      JsonObject json = page.json();
      cursor = json.getBoolean("has_more") ? json.getString("next_cursor") : null;
    } while (cursor != null);
    assertThat(pages).isEqualTo(4);
    assertThat(seen)
        .doesNotHaveDuplicates()
        .hasSize(10)
        .doesNotContain("Added while paging")
        .startsWith("Task 6", "Task 5", "Task 4")
        .endsWith("Pay rent", "Call mum");
  }

  @Test
  void anotherUsersTask_isIndistinguishableFromAMissingOne() throws Exception {
    Http alice = as(unique("alice"));
    Http bob = as(unique("bob"));
    String id = alice.post("api/tasks", "{\"title\":\"Secret plan\"}").json().getString("id");
    String missing = UUID.randomUUID().toString();

    for (String target : List.of(id, missing)) {
      List<Reply> replies =
          List.of(
              bob.get("api/tasks/" + target),
              bob.patch("api/tasks/" + target, "{\"title\":\"Hijacked\"}"),
              bob.post("api/tasks/" + target + "/complete", null),
              bob.post("api/tasks/" + target + "/reopen", null),
              bob.delete("api/tasks/" + target));
      for (Reply reply : replies) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.body().replace(target, "ID"))
            .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"task ID not found\"}}");
      }
    }
    assertThat(titles(bob.get("api/tasks"))).isEmpty();
    assertThat(titles(bob.get("api/tasks?q=Secret"))).isEmpty();
    JsonObject untouched = alice.get("api/tasks/" + id).json();
    assertThat(untouched.getString("title")).isEqualTo("Secret plan");
    assertThat(untouched.getBoolean("completed")).isFalse();
    assertThat(bob.get("api/tasks/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  void badInput_isA400NamingTheField_andWritesNothing() throws Exception {
    Http dave = as(unique("dave"));
    assertError(dave.post("api/tasks", "{\"title\":"), "malformed_json", null);
    assertError(dave.post("api/tasks", "[]"), "malformed_json", null);
    assertError(dave.post("api/tasks", ""), "malformed_json", null);
    assertError(dave.post("api/tasks", "{\"title\":42}"), "invalid_request", "title");
    assertError(
        dave.post("api/tasks", "{\"title\":\"x\",\"owner\":\"eve\"}"), "invalid_request", "owner");
    assertError(
        dave.post("api/tasks", "{\"title\":\"" + "x".repeat(201) + "\"}"),
        "invalid_request",
        "title");
    assertError(dave.post("api/tasks", "{\"title\":\"   \"}"), "invalid_request", "title");
    assertError(
        dave.post("api/tasks", "{\"title\":\"x\",\"description\":\"" + "d".repeat(10_001) + "\"}"),
        "invalid_request",
        "description");
    assertError(
        dave.post("api/tasks", "{\"title\":\"x\",\"priority\":\"urgent\"}"),
        "invalid_request",
        "priority");
    assertError(
        dave.post("api/tasks", "{\"title\":\"x\",\"due\":\"next week\"}"),
        "invalid_request",
        "due");
    assertError(
        dave.post("api/tasks", "{\"title\":\"x\",\"tags\":[1,2]}"), "invalid_request", "tags");
    assertError(dave.get("api/tasks?status=closed"), "invalid_request", "status");
    assertError(dave.get("api/tasks?priority=urgent"), "invalid_request", "priority");
    assertError(dave.get("api/tasks?due_before=yesterday"), "invalid_request", "due_before");
    assertError(dave.get("api/tasks?cursor=bm9wZQ"), "invalid_request", "cursor");
    assertError(dave.get("api/tasks?cursor=%25%25%25"), "invalid_request", "cursor");
    assertError(dave.get("api/tasks?limit=-5"), "invalid_request", "limit");
    assertError(dave.get("api/tasks?limit=lots"), "invalid_request", "limit");
    assertThat(titles(dave.get("api/tasks"))).isEmpty();

    for (int i = 0; i < 3; i++) {
      dave.post("api/tasks", "{\"title\":\"t" + i + "\"}");
    }
    assertThat(dave.get("api/tasks?limit=99999999999999999999").status()).isEqualTo(200);

    String id = dave.post("api/tasks", "{\"title\":\"Keep me\"}").json().getString("id");
    assertError(
        dave.patch("api/tasks/" + id, "{\"title\":\"Changed\",\"priority\":\"urgent\"}"),
        "invalid_request",
        "priority");
    assertError(
        dave.patch("api/tasks/" + id, "{\"title\":\"Changed\",\"due\":\"soon\"}"),
        "invalid_request",
        "due");
    assertError(
        dave.patch("api/tasks/" + id, "{\"completed\":\"yes\"}"), "invalid_request", "completed");
    assertThat(dave.get("api/tasks/" + id).json().getString("title")).isEqualTo("Keep me");

    Reply wrongMethod = dave.send("PUT", "api/tasks/" + id, "{}");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().getJsonObject("error").getString("code")).isNotBlank();
    Reply unknownPath = dave.get("api/nothing-here");
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.json().getJsonObject("error").getString("code")).isEqualTo("not_found");
  }

  @Test
  void everyAcceptedAlgorithm_actsForTheSameOwner() throws Exception {
    String subject = unique("erin");
    TestKeys keys = ItEnvironment.keys();
    Http hs = new Http(base.toURI(), keys.token("HS256", subject));
    hs.post("api/tasks", "{\"title\":\"Shared across keys\"}");

    for (String alg : List.of("HS256", "RS256", "ES256", "EdDSA")) {
      Reply reply = hs.as(keys.token(alg, subject)).get("api/tasks");
      assertThat(reply.status()).as(alg + ": " + reply).isEqualTo(200);
      assertThat(titles(reply)).as(alg).containsExactly("Shared across keys");
    }
  }

  @Test
  void badTokens_are401WithAJsonErrorAndABearerChallenge() throws Exception {
    TestKeys keys = ItEnvironment.keys();
    Instant now = Instant.now();
    List<String> tokens =
        List.of(
            "",
            "Basic dXNlcjpwYXNz",
            "Bearer not.a.jwt",
            keys.token(
                "HS256", c -> c.subject("x").expirationTime(Date.from(now.minusSeconds(120)))),
            keys.token("ES256", c -> c.subject("x").notBeforeTime(Date.from(now.plusSeconds(600)))),
            keys.token("RS256", c -> c.subject("x").issuer("https://evil.example")),
            keys.token("EdDSA", c -> c.subject("x").audience("someone-else")),
            keys.token("HS256", c -> c.subject(null)),
            keys.token("HS256", c -> c.subject("x").expirationTime(null)),
            keys.foreignToken("x"),
            keys.unsignedToken("x"));
    Http anonymous = new Http(base.toURI(), null);
    assertUnauthorized(anonymous.get("api/tasks"));
    for (String token : tokens) {
      Http client = token.isEmpty() ? anonymous : anonymous.as(token);
      assertUnauthorized(client.get("api/tasks"));
      assertUnauthorized(client.post("api/tasks", "{\"title\":\"sneaky\"}"));
    }
  }

  @Test
  void operationsEndpoints_reportTheRunningServer() throws Exception {
    URI root = base.toURI().resolve("/");
    Http anonymous = new Http(root, null);

    Reply health = anonymous.get("health");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.body()).contains("database").contains("UP");
    assertThat(anonymous.get("health/ready").status()).isEqualTo(200);
    Reply openapi = anonymous.get("openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/tasks");
    assertThat(anonymous.get("metrics").status()).isEqualTo(200);

    Http app = new Http(base.toURI(), null);
    Reply report = app.get("api/chatkit/health");
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    JsonObject json = report.json();
    assertThat(json.getJsonObject("auth").getString("mode"))
        .contains("shared-secret")
        .contains("public-key");
    assertThat(json.getJsonObject("database").getString("mode")).isEqualTo("embedded");
    assertThat(json.getJsonObject("database").getBoolean("reachable")).isTrue();
    assertThat(json.getJsonObject("model").getString("provider")).isNotBlank();

    Reply devToken = app.post("api/dev/token", "{\"user\":\"alice\"}");
    assertThat(devToken.status()).isEqualTo(404);
    assertThat(devToken.json().getJsonObject("error").getString("code")).isEqualTo("not_found");
  }

  @Test
  void aBrowserAppOnAListedOrigin_canCallTheApi_andOthersAreRefusedTheirPreflight()
      throws Exception {
    Http anonymous = new Http(base.toURI(), null);
    Map<String, String> preflight =
        Map.of(
            "Origin",
            ItEnvironment.CORS_ORIGIN,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");

    for (String path : List.of("chatkit", "api/tasks")) {
      Reply answer = anonymous.send("OPTIONS", path, null, preflight);
      assertThat(answer.status()).as(path + " " + answer).isEqualTo(204);
      assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ItEnvironment.CORS_ORIGIN);
      assertThat(answer.header("Access-Control-Allow-Headers")).contains("authorization");
      assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
    }

    Map<String, String> fromApp = Map.of("Origin", ItEnvironment.CORS_ORIGIN);
    Reply created =
        as(unique("cors")).send("POST", "api/tasks", "{\"title\":\"From the React app\"}", fromApp);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(ItEnvironment.CORS_ORIGIN);
    assertThat(created.header("Access-Control-Expose-Headers")).contains("Location");
    Reply refusedToken = anonymous.send("GET", "api/tasks", null, fromApp);
    assertUnauthorized(refusedToken);
    assertThat(refusedToken.header("Access-Control-Allow-Origin"))
        .as("the app can read why it was refused")
        .isEqualTo(ItEnvironment.CORS_ORIGIN);

    Reply other =
        anonymous.send(
            "OPTIONS",
            "chatkit",
            null,
            Map.of("Origin", "https://elsewhere.example", "Access-Control-Request-Method", "POST"));
    assertThat(other.status()).as(other.toString()).isEqualTo(403);
    assertThat(other.json().getJsonObject("error").getString("code"))
        .isEqualTo("origin_not_allowed");
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }

  private static void assertUnauthorized(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(reply.json().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.");
  }

  private static void assertError(Reply reply, String code, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    JsonObject error = reply.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    if (field != null) {
      assertThat(error.getString("field")).isEqualTo(field);
    }
    assertThat(reply.body()).doesNotContain("Exception");
  }

  private static List<String> titles(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    List<String> titles = new ArrayList<>();
    for (var item : reply.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(ids.add(item.getString("id"))).isTrue();
      titles.add(item.getString("title"));
    }
    return titles;
  }
}
