package dev.tasktalk.domain.todo;

import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.shared.StoredText;
import dev.tasktalk.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A todo task owned by one user.
 *
 * <p>A task is created open with a trimmed title of 1..200 characters, an optional description of
 * at most 10,000, a priority (medium by default), an optional due date and a set of lower-case
 * tags. It can be edited, completed (which stamps {@code completedAt}) and reopened; every change
 * moves {@code updatedAt}. Timestamps are kept to the microsecond, the precision the database
 * stores.
 */
public final class Todo {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG = 50;

  private final TodoId id;
  private final UserId owner;
  private String title;
  private String description;
  private Priority priority;
  private Due due;
  private List<String> tags;
  private boolean completed;
  private final Instant createdAt;
  private Instant updatedAt;
  private Instant completedAt;

  private Todo(
      TodoId id,
      UserId owner,
      String title,
      String description,
      Priority priority,
      Due due,
      List<String> tags,
      boolean completed,
      Instant createdAt,
      Instant updatedAt,
      Instant completedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.title = title;
    this.description = description;
    this.priority = Objects.requireNonNull(priority, "priority");
    this.due = due;
    this.tags = List.copyOf(tags);
    this.completed = completed;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.completedAt = completedAt;
  }

  /** A new open task; every value is validated and normalised. */
  public static Todo create(
      UserId owner,
      String title,
      String description,
      Priority priority,
      Due due,
      List<String> tags,
      Instant now) {
    Instant at = truncate(now);
    return new Todo(
        TodoId.random(),
        owner,
        checkTitle(title),
        checkDescription(description),
        priority == null ? Priority.MEDIUM : priority,
        due,
        checkTags(tags),
        false,
        at,
        at,
        null);
  }

  /** Rebuilds a stored task as it was; used by repositories, no validation beyond non-null. */
  public static Todo restore(
      TodoId id,
      UserId owner,
      String title,
      String description,
      Priority priority,
      Due due,
      List<String> tags,
      boolean completed,
      Instant createdAt,
      Instant updatedAt,
      Instant completedAt) {
    return new Todo(
        id,
        owner,
        title,
        description,
        priority,
        due,
        tags,
        completed,
        createdAt,
        updatedAt,
        completedAt);
  }

  public void rename(String newTitle, Instant now) {
    title = checkTitle(newTitle);
    touch(now);
  }

  public void describe(String newDescription, Instant now) {
    description = checkDescription(newDescription);
    touch(now);
  }

  public void prioritise(Priority newPriority, Instant now) {
    priority = Objects.requireNonNull(newPriority, "priority");
    touch(now);
  }

  public void reschedule(Due newDue, Instant now) {
    due = newDue;
    touch(now);
  }

  public void retag(List<String> newTags, Instant now) {
    tags = checkTags(newTags);
    touch(now);
  }

  /** Marks the task done; completing a done task keeps its first completion time. */
  public void complete(Instant now) {
    if (!completed) {
      completed = true;
      completedAt = truncate(now);
      touch(now);
    }
  }

  public void reopen(Instant now) {
    if (completed) {
      completed = false;
      completedAt = null;
      touch(now);
    }
  }

  private void touch(Instant now) {
    Instant at = truncate(now);
    updatedAt = at.isBefore(createdAt) ? createdAt : at;
  }

  private static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static String checkTitle(String title) {
    String trimmed = title == null ? "" : StoredText.check("title", title).strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException("title", "title must not be empty");
    }
    if (trimmed.length() > MAX_TITLE) {
      throw new InvalidInputException(
          "title", "title must be at most " + MAX_TITLE + " characters");
    }
    return trimmed;
  }

  static String checkDescription(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    StoredText.check("description", description);
    if (description.length() > MAX_DESCRIPTION) {
      throw new InvalidInputException(
          "description", "description must be at most " + MAX_DESCRIPTION + " characters");
    }
    return description;
  }

  static List<String> checkTags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    Set<String> normalised = new LinkedHashSet<>();
    for (String tag : tags) {
      String t = tag == null ? "" : StoredText.check("tags", tag).strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        throw new InvalidInputException("tags", "tags must not be empty");
      }
      if (t.length() > MAX_TAG) {
        throw new InvalidInputException("tags", "a tag must be at most " + MAX_TAG + " characters");
      }
      normalised.add(t);
    }
    if (normalised.size() > MAX_TAGS) {
      throw new InvalidInputException("tags", "a task can have at most " + MAX_TAGS + " tags");
    }
    return new ArrayList<>(normalised);
  }

  public TodoId id() {
    return id;
  }

  public UserId owner() {
    return owner;
  }

  public String title() {
    return title;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Priority priority() {
    return priority;
  }

  public Optional<Due> due() {
    return Optional.ofNullable(due);
  }

  public List<String> tags() {
    return tags;
  }

  public boolean completed() {
    return completed;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }
}
