package dev.tasktalk.domain.item;

import java.util.Optional;

/**
 * The kinds of thread item ChatKit knows, with their wire names; hidden kinds are stored, never
 * sent.
 */
public enum ItemType {
  USER_MESSAGE("user_message", "msg", false),
  ASSISTANT_MESSAGE("assistant_message", "msg", false),
  CLIENT_TOOL_CALL("client_tool_call", "tc", false),
  WIDGET("widget", "wid", false),
  GENERATED_IMAGE("generated_image", "img", false),
  STRUCTURED_INPUT("structured_input", "si", false),
  WORKFLOW("workflow", "wf", false),
  TASK("task", "tsk", false),
  END_OF_TURN("end_of_turn", "eot", false),
  HIDDEN_CONTEXT("hidden_context_item", "hc", true),
  SDK_HIDDEN_CONTEXT("sdk_hidden_context", "shcx", true);

  private final String wireName;
  private final String idPrefix;
  private final boolean hidden;

  ItemType(String wireName, String idPrefix, boolean hidden) {
    this.wireName = wireName;
    this.idPrefix = idPrefix;
    this.hidden = hidden;
  }

  public String wireName() {
    return wireName;
  }

  public String idPrefix() {
    return idPrefix;
  }

  public boolean hidden() {
    return hidden;
  }

  public static Optional<ItemType> fromWire(String name) {
    for (ItemType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
