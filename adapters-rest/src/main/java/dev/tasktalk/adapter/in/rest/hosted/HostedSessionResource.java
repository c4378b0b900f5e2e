package dev.tasktalk.adapter.in.rest.hosted;

import dev.tasktalk.adapter.in.rest.common.Owners;
import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase;
import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase.HostedSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * OpenAI-hosted ChatKit mode: hands the browser a client secret for a session on OpenAI's side. The
 * UI's {@code getClientSecret(current)} calls {@code session} first and {@code refresh} when the
 * secret expires; both create a fresh session, so the body (the current secret, if sent) is not
 * needed.
 */
@Path("api/chatkit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostedSessionResource {

  @Inject HostedSessionUseCase sessions;
  @Context SecurityContext security;

  public HostedSessionResource() {}

  HostedSessionResource(HostedSessionUseCase sessions, SecurityContext security) {
    this.sessions = sessions;
    this.security = security;
  }

  @POST
  @Path("session")
  public String session() {
    return json(sessions.create(Owners.of(security)));
  }

  /**
   * Accepts {@code {"currentClientSecret"}} or {@code {"current_client_secret"}}; either is
   * ignored.
   */
  @POST
  @Path("refresh")
  public String refresh() {
    return json(sessions.create(Owners.of(security)));
  }

  private static String json(HostedSession session) {
    return Json.createObjectBuilder()
        .add("client_secret", session.clientSecret())
        .add("expires_at", session.expiresAt())
        .build()
        .toString();
  }
}
