package dev.tasktalk.adapter.out.persistence;

import dev.tasktalk.domain.thread.ChatThread;
import dev.tasktalk.domain.thread.ThreadId;
import dev.tasktalk.domain.thread.ThreadStatus;
import dev.tasktalk.domain.user.UserId;
import java.util.Locale;

/** Translates between the {@link ChatThread} aggregate and its {@link ChatThreadEntity} row. */
final class ChatThreadMapper {

  private ChatThreadMapper() {}

  static ChatThreadEntity toEntity(ChatThread thread) {
    return new ChatThreadEntity(
        thread.id().value(),
        thread.owner().value(),
        thread.title().orElse(null),
        status(thread.status()),
        thread.status().reason(),
        Times.utc(thread.createdAt()));
  }

  static ChatThread toDomain(ChatThreadEntity entity) {
    ThreadStatus.Kind kind = ThreadStatus.Kind.valueOf(entity.status().toUpperCase(Locale.ROOT));
    return ChatThread.restore(
        new ThreadId(entity.id()),
        new UserId(entity.owner()),
        entity.createdAt().toInstant(),
        entity.title(),
        new ThreadStatus(kind, entity.statusReason()));
  }

  /**
   * The stored status: the kind's ChatKit name ({@code active}, {@code locked}, {@code closed}).
   */
  static String status(ThreadStatus status) {
    return status.kind().name().toLowerCase(Locale.ROOT);
  }
}
