package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;

/**
 * Reads a {@link ThreadItem} from its {@link ThreadItemEntity} row; the type is stored by wire
 * name.
 */
final class ThreadItemMapper {

  private ThreadItemMapper() {}

  static ThreadItem toDomain(ThreadItemEntity entity) {
    ItemType type =
        ItemType.fromWire(entity.type())
            .orElseThrow(
                () -> new IllegalStateException("unknown stored item type: " + entity.type()));
    return new ThreadItem(
        new ItemId(entity.id()),
        new ThreadId(entity.threadId()),
        type,
        entity.createdAt().toInstant(),
        entity.payload());
  }
}
