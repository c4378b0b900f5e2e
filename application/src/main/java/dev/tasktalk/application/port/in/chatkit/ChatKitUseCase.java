package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.domain.user.UserId;

/**
 * Handles one ChatKit protocol request, already parsed into a {@link ChatKitRequest}, for its
 * owner. Everything that can be refused is checked before this returns (bad request, unknown
 * thread, a response already streaming), so inbound adapters can answer with a real HTTP error;
 * once a {@link ChatKitResult.Stream} is returned, failures arrive as {@code error} events instead.
 */
public interface ChatKitUseCase {

  ChatKitResult process(UserId owner, ChatKitRequest request);
}
