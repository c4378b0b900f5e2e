package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.domain.user.UserId;

/**
 * OpenAI-hosted ChatKit mode: creates a ChatKit session for the user on OpenAI's side and hands the
 * browser its client secret.
 *
 * @throws dev.tasktalk.domain.shared.UnavailableException naming the missing settings when {@code
 *     OPENAI_API_KEY} or {@code CHATKIT_WORKFLOW_ID} is not set
 */
public interface HostedSessionUseCase {

  HostedSession create(UserId owner);

  /** The secret for the browser and when it expires (Unix seconds). */
  record HostedSession(String clientSecret, long expiresAt) {}
}
