package dev.tasktalk.application.service.agent;

import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import dev.tasktalk.domain.thread.ThreadId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Makes a turn's items: new ids, this thread, and creation times that never go backwards within the
 * turn, so the order of the items is the order they were made even with a coarse or fixed clock.
 */
final class TurnItems {

  private final ThreadId threadId;
  private final Clock clock;
  private Instant last = Instant.MIN;

  TurnItems(ThreadId threadId, Clock clock) {
    this.threadId = threadId;
    this.clock = clock;
  }

  ThreadItem create(ItemType type, String payload) {
    return new ThreadItem(ItemId.generate(type), threadId, type, next(), payload);
  }

  ThreadId threadId() {
    return threadId;
  }

  synchronized Instant next() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
    return last;
  }
}
