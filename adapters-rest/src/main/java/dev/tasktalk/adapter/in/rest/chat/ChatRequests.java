package dev.tasktalk.adapter.in.rest.chat;

import dev.tasktalk.adapter.in.rest.common.JsonRequest;
import dev.tasktalk.adapter.in.rest.common.PageSizes;
import dev.tasktalk.adapter.in.rest.common.RequestException;
import java.util.Set;

/** Reads the chat API's bodies and query parameters, naming the field that is wrong. */
final class ChatRequests {

  static final int MAX_MESSAGE_LENGTH = 100_000;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final Set<String> CHAT_FIELDS = Set.of("message", "conversation_id");

  private ChatRequests() {}

  /** A message for a conversation; a null conversation id starts a new one. */
  record ChatRequest(String message, String conversationId) {}

  static ChatRequest chat(String body) {
    JsonRequest json = JsonRequest.parse(body, CHAT_FIELDS);
    String message = json.requiredString("message");
    if (message.isBlank()) {
      throw RequestException.invalid("message", "message must not be empty");
    }
    if (message.codePointCount(0, message.length()) > MAX_MESSAGE_LENGTH) {
      throw RequestException.invalid(
          "message", "message must be at most " + MAX_MESSAGE_LENGTH + " characters");
    }
    // An empty id cannot name a conversation; clients send it for "none yet".
    String conversation = json.string("conversation_id").filter(id -> !id.isBlank()).orElse(null);
    return new ChatRequest(message, conversation);
  }

  /** The page size: the default when absent, capped at the maximum rather than refused. */
  static int limit(String limit) {
    Integer size = PageSizes.limit(limit, MAX_LIMIT);
    return size == null ? DEFAULT_LIMIT : size;
  }
}
