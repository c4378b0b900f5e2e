package dev.tasktalk.application.service.hosted;

import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase;
import dev.tasktalk.application.port.out.chatkit.HostedChatKitSessions;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates OpenAI-hosted ChatKit sessions for the user's own identity. The mode is optional: without
 * an API key and a workflow id every request gets an {@link UnavailableException} saying what to
 * set.
 */
public final class HostedSessionService implements HostedSessionUseCase {

  private final HostedChatKitSessions sessions;
  private final Optional<String> apiKey;
  private final Optional<String> workflowId;

  public HostedSessionService(
      HostedChatKitSessions sessions, Optional<String> apiKey, Optional<String> workflowId) {
    this.sessions = Objects.requireNonNull(sessions);
    this.apiKey = apiKey.filter(key -> !key.isBlank());
    this.workflowId = workflowId.map(String::strip).filter(id -> !id.isEmpty());
  }

  @Override
  public HostedSession create(UserId owner) {
    Objects.requireNonNull(owner);
    List<String> missing = new ArrayList<>();
    if (apiKey.isEmpty()) {
      missing.add("OPENAI_API_KEY");
    }
    if (workflowId.isEmpty()) {
      missing.add("CHATKIT_WORKFLOW_ID");
    }
    if (!missing.isEmpty()) {
      throw new UnavailableException(
          "OpenAI-hosted ChatKit mode is not configured: set "
              + String.join(" and ", missing)
              + " (the workflow id comes from OpenAI's Agent Builder)");
    }
    // The token's subject keeps one person's hosted threads apart from another's at OpenAI.
    return sessions.create(workflowId.get(), owner.value());
  }
}
