package dev.tasktalk.domain.item;

import dev.tasktalk.domain.shared.NotFoundException;

/** No item with this id exists in one of the caller's threads. */
public class ItemNotFoundException extends NotFoundException {

  public ItemNotFoundException(Object id) {
    super("item " + id + " not found");
  }
}
