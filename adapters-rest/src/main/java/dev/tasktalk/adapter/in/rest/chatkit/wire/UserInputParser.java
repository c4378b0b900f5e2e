package dev.tasktalk.adapter.in.rest.chatkit.wire;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.InferenceOptions;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserContent;
import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.UserInput;
import dev.tasktalk.domain.attachment.AttachmentId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code UserMessageInput}: content parts, attachment ids, quoted text, inference options.
 */
final class UserInputParser {

  static final int MAX_TEXT = 100_000;
  static final int MAX_ATTACHMENTS = 20;

  private UserInputParser() {}

  static UserInput parse(RequestFields input) {
    List<UserContent> content = content(input);
    List<AttachmentId> attachments = attachments(input);
    boolean saysSomething =
        !attachments.isEmpty()
            || content.stream()
                .anyMatch(
                    part ->
                        part instanceof UserContent.InputTag
                            || !((UserContent.InputText) part).text().isBlank());
    if (!saysSomething) {
      throw input.invalid("content", "must contain some text, a tag or an attachment");
    }
    String quoted = input.optionalString("quoted_text");
    if (quoted != null && quoted.length() > MAX_TEXT) {
      throw input.invalid("quoted_text", "must be at most " + MAX_TEXT + " characters");
    }
    return new UserInput(content, attachments, quoted, inferenceOptions(input));
  }

  private static List<UserContent> content(RequestFields input) {
    List<UserContent> parts = new ArrayList<>();
    long length = 0;
    for (RequestFields part : input.array("content")) {
      UserContent parsed = part(part.asObject());
      length +=
          parsed instanceof UserContent.InputText text
              ? text.text().length()
              : ((UserContent.InputTag) parsed).text().length();
      parts.add(parsed);
    }
    if (length > MAX_TEXT) {
      throw input.invalid("content", "must be at most " + MAX_TEXT + " characters");
    }
    return parts;
  }

  private static UserContent part(RequestFields part) {
    String type = part.string("type");
    return switch (type) {
      case "input_text" -> new UserContent.InputText(part.string("text"));
      case "input_tag" ->
          new UserContent.InputTag(
              part.nonBlank("id"),
              part.string("text"),
              tagData(part),
              part.optionalString("group"),
              part.bool("interactive", false));
      default -> throw part.invalid("type", "must be input_text or input_tag");
    };
  }

  private static String tagData(RequestFields part) {
    // Python requires data, the JS type marks it optional: accept both, default to an empty object.
    if (!part.present("data")) {
      return "{}";
    }
    JsonNode data = part.node().get("data");
    if (!data.isObject()) {
      throw part.invalid("data", "must be an object");
    }
    return WireJson.write(data);
  }

  private static List<AttachmentId> attachments(RequestFields input) {
    List<RequestFields> ids = input.optionalArray("attachments").orElse(List.of());
    if (ids.size() > MAX_ATTACHMENTS) {
      throw input.invalid("attachments", "must name at most " + MAX_ATTACHMENTS + " attachments");
    }
    Set<AttachmentId> unique = new LinkedHashSet<>();
    ids.forEach(id -> unique.add(AttachmentId.parse(id.asString())));
    return List.copyOf(unique);
  }

  private static InferenceOptions inferenceOptions(RequestFields input) {
    return input
        .optionalObject("inference_options")
        .map(
            options ->
                new InferenceOptions(
                    options
                        .optionalObject("tool_choice")
                        .map(choice -> choice.nonBlank("id"))
                        .orElse(null),
                    options.optionalString("model")))
        .orElse(InferenceOptions.NONE);
  }
}
