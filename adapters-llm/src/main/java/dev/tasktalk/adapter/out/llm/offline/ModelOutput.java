package dev.tasktalk.adapter.out.llm.offline;

import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ToolCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Step} into the events a streaming provider would send: the text in word-sized
 * deltas, or one complete tool call with an id derived from the conversation, then the finish with
 * token counts approximated by word counts.
 */
final class ModelOutput {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");

  private ModelOutput() {}

  static List<ModelEvent> events(Step step, Conversation conversation) {
    long input = inputWords(conversation);
    List<ModelEvent> events = new ArrayList<>();
    if (step instanceof Step.Call call) {
      String arguments = call.arguments().toString();
      events.add(
          new ModelEvent.ToolCallRequested(
              new ToolCall(callId(conversation, call.tool(), arguments), call.tool(), arguments)));
      events.add(
          new ModelEvent.Finished("tool_calls", input, words(call.tool() + " " + arguments)));
    } else {
      String text = ((Step.Reply) step).text();
      for (String piece : text.split("(?<=\\s)(?=\\S)")) {
        events.add(new ModelEvent.TextDelta(piece));
      }
      events.add(new ModelEvent.Finished("stop", input, words(text)));
    }
    return events;
  }

  /**
   * "call_" and 24 hex digits of a hash of every message so far and the call: same input, same id.
   */
  static String callId(Conversation conversation, String tool, String arguments) {
    StringBuilder text = new StringBuilder();
    for (ModelMessage message : conversation.messages()) {
      text.append(describe(message)).append('\u0000');
    }
    text.append(tool).append('\u0000').append(arguments);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return "call_" + HexFormat.of().formatHex(hash).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static long inputWords(Conversation conversation) {
    long count = 0;
    for (ModelMessage message : conversation.messages()) {
      count += words(content(message));
    }
    return count;
  }

  /** The message with its role, so that equal texts in different roles hash differently. */
  private static String describe(ModelMessage message) {
    return message.getClass().getSimpleName() + ":" + content(message);
  }

  private static String content(ModelMessage message) {
    if (message instanceof ModelMessage.System system) {
      return system.text();
    }
    if (message instanceof ModelMessage.User user) {
      return user.text();
    }
    if (message instanceof ModelMessage.Assistant assistant) {
      StringBuilder text = new StringBuilder(String.valueOf(assistant.text()));
      assistant
          .toolCalls()
          .forEach(
              call ->
                  text.append(' ')
                      .append(call.id())
                      .append(' ')
                      .append(call.name())
                      .append(' ')
                      .append(call.arguments()));
      return text.toString();
    }
    ModelMessage.ToolResult result = (ModelMessage.ToolResult) message;
    return result.callId() + " " + result.name() + " " + result.content();
  }

  static long words(String text) {
    Matcher matcher = WORD.matcher(text == null ? "" : text);
    long count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
