package dev.tasktalk.application.port.out.chatkit;

import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase.HostedSession;

/** OpenAI's ChatKit sessions API ({@code POST /chatkit/sessions}). */
public interface HostedChatKitSessions {

  /**
   * Creates a session for {@code user} on {@code workflowId}.
   *
   * @throws dev.tasktalk.domain.shared.UnavailableException when the API refuses or cannot be
   *     reached
   */
  HostedSession create(String workflowId, String user);
}
