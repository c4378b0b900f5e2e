package dev.tasktalk.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code threads}: a conversation's metadata; its items are rows of {@code thread_items}.
 */
@Entity
@Table(name = "threads")
class ChatThreadEntity {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "owner", nullable = false, updatable = false)
  private String owner;

  @Column(name = "title")
  private String title;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected ChatThreadEntity() {
    // for JPA
  }

  ChatThreadEntity(
      String id,
      String owner,
      String title,
      String status,
      String statusReason,
      OffsetDateTime createdAt) {
    this.id = id;
    this.owner = owner;
    this.title = title;
    this.status = status;
    this.statusReason = statusReason;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  String title() {
    return title;
  }

  String status() {
    return status;
  }

  String statusReason() {
    return statusReason;
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }
}
