package dev.tasktalk.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code tasks}. State changes go through the setters, never direct field writes from
 * other classes, because a woven EclipseLink entity only notices changes made inside the entity
 * itself.
 */
@Entity
@Table(name = "tasks")
class TodoEntity {

  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "owner", nullable = false, updatable = false)
  private String owner;

  @Column(name = "title", nullable = false)
  private String title;

  @Column(name = "description")
  private String description;

  @Column(name = "priority", nullable = false)
  private String priority;

  @Column(name = "due_at")
  private OffsetDateTime dueAt;

  @Column(name = "due_all_day", nullable = false)
  private boolean dueAllDay;

  @Convert(converter = TagsConverter.class)
  @Column(name = "tags", nullable = false)
  private List<String> tags;

  @Column(name = "completed", nullable = false)
  private boolean completed;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  protected TodoEntity() {
    // for JPA
  }

  TodoEntity(UUID id, String owner, OffsetDateTime createdAt) {
    this.id = id;
    this.owner = owner;
    this.createdAt = createdAt;
  }

  UUID id() {
    return id;
  }

  String owner() {
    return owner;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }

  String priority() {
    return priority;
  }

  OffsetDateTime dueAt() {
    return dueAt;
  }

  boolean dueAllDay() {
    return dueAllDay;
  }

  List<String> tags() {
    return tags;
  }

  boolean completed() {
    return completed;
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }

  OffsetDateTime updatedAt() {
    return updatedAt;
  }

  OffsetDateTime completedAt() {
    return completedAt;
  }

  void setTitle(String title) {
    this.title = title;
  }

  void setDescription(String description) {
    this.description = description;
  }

  void setPriority(String priority) {
    this.priority = priority;
  }

  void setDue(OffsetDateTime dueAt, boolean dueAllDay) {
    this.dueAt = dueAt;
    this.dueAllDay = dueAllDay;
  }

  void setTags(List<String> tags) {
    this.tags = tags;
  }

  void setCompleted(boolean completed, OffsetDateTime completedAt) {
    this.completed = completed;
    this.completedAt = completedAt;
  }

  void setUpdatedAt(OffsetDateTime updatedAt) {
    this.updatedAt = updatedAt;
  }
}
