package dev.tasktalk.domain.thread;

import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.StoredText;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation owned by one user. It starts untitled and active; the assistant (or the user, by
 * renaming) gives it a title of at most 200 characters. Its items live in their own repository.
 */
public final class ChatThread {

  public static final int MAX_TITLE = 200;

  private final ThreadId id;
  private final UserId owner;
  private final Instant createdAt;
  private String title;
  private ThreadStatus status;

  private ChatThread(
      ThreadId id, UserId owner, Instant createdAt, String title, ThreadStatus status) {
    this.id = Objects.requireNonNull(id, "id");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.title = title;
    this.status = Objects.requireNonNull(status, "status");
  }

  public static ChatThread start(UserId owner, Instant now) {
    return new ChatThread(
        ThreadId.generate(), owner, now.truncatedTo(ChronoUnit.MICROS), null, ThreadStatus.ACTIVE);
  }

  public static ChatThread restore(
      ThreadId id, UserId owner, Instant createdAt, String title, ThreadStatus status) {
    return new ChatThread(id, owner, createdAt, title, status);
  }

  /** Sets the title, trimmed; blank clears it. */
  public void retitle(String newTitle) {
    String trimmed = newTitle == null ? "" : StoredText.check("title", newTitle).strip();
    if (trimmed.length() > MAX_TITLE) {
      throw new InvalidInputException(
          "title", "title must be at most " + MAX_TITLE + " characters");
    }
    title = trimmed.isEmpty() ? null : trimmed;
  }

  public void changeStatus(ThreadStatus newStatus) {
    status = Objects.requireNonNull(newStatus, "status");
  }

  public ChatThread copy() {
    return new ChatThread(id, owner, createdAt, title, status);
  }

  public ThreadId id() {
    return id;
  }

  public UserId owner() {
    return owner;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  public ThreadStatus status() {
    return status;
  }
}
