package dev.tasktalk.bootstrap.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /api/dev/token} trades a user name for a signed token when dev login is on; otherwise
 * it answers like a path that does not exist.
 */
@Path("api/dev/token")
@RequestScoped
public class DevTokenResource {

  static final int MAX_BODY_BYTES = 4096;
  static final String NOT_FOUND_MESSAGE = "no such resource";

  @Inject AuthConfiguration auth;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response issue(InputStream body) throws IOException {
    Optional<DevTokenIssuer> issuer = auth.devTokenIssuer();
    if (issuer.isEmpty()) {
      return json(Status.NOT_FOUND, JsonBodies.error("not_found", NOT_FOUND_MESSAGE));
    }
    DevLoginRequest request;
    try {
      request = DevLoginRequest.parse(read(body));
    } catch (IllegalArgumentException e) {
      return json(
          Status.BAD_REQUEST,
          JsonBodies.error("invalid_request", e.getMessage(), DevLoginRequest.FIELD));
    }
    DevToken token = issuer.get().issue(request.user());
    return Response.ok(JsonBodies.devToken(token), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  private static String read(InputStream body) throws IOException {
    if (body == null) {
      return "";
    }
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("request body is too large");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Response json(Status status, String body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
