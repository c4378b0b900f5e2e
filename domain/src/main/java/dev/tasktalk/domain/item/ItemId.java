package dev.tasktalk.domain.item;

import dev.tasktalk.domain.shared.Ids;

/** Identity of a thread item, prefixed by its kind, e.g. {@code msg_4f1c2a9b0d3e5f67}. */
public record ItemId(String value) {

  public ItemId {
    if (!Ids.isValid(value)) {
      throw new IllegalArgumentException("invalid item id");
    }
  }

  public static ItemId generate(ItemType type) {
    return new ItemId(Ids.generate(type.idPrefix()));
  }

  /** Client text naming an item: anything malformed names no item of theirs, so it is not found. */
  public static ItemId parse(String text) {
    if (!Ids.isValid(text)) {
      throw new ItemNotFoundException(text);
    }
    return new ItemId(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
