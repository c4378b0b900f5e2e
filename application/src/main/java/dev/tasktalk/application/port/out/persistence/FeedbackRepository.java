package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Stores thumbs up/down on assistant output: which items, which kind, who and when. */
public interface FeedbackRepository {

  void add(UserId owner, ThreadId threadId, List<ItemId> items, String kind, Instant at);
}
