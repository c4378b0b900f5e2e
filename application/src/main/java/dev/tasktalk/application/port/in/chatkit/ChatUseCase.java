package dev.tasktalk.application.port.in.chatkit;

import dev.tasktalk.domain.user.UserId;
import java.util.List;

/**
 * The plain JSON chat API for clients that are not ChatKit: one message in, the whole answer out,
 * over the same threads the ChatKit endpoint uses.
 */
public interface ChatUseCase {

  /** Sends {@code message} to the conversation (a new one when {@code conversationId} is null). */
  ChatReply chat(UserId owner, String message, String conversationId);

  /** The owner's conversations, newest first. */
  List<Conversation> conversations(UserId owner, int limit);

  /** The visible messages of one conversation, oldest first. */
  List<Message> messages(UserId owner, String conversationId);

  /** The assistant's answer and the tool calls it made on the way. */
  record ChatReply(String response, String conversationId, List<ToolCall> toolCalls) {}

  /** One tool call as shown to the user: its name, its arguments (JSON) and how it ended. */
  record ToolCall(String name, String arguments, String title, String status) {}

  /** A conversation summary. */
  record Conversation(String id, String title, String createdAt) {}

  /** One message: role {@code user} or {@code assistant}, its text and when. */
  record Message(String id, String role, String text, String createdAt) {}
}
