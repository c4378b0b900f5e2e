package dev.tasktalk.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code thread_items}, only ever read through JPA: {@link JpaThreadItemRepository} writes
 * rows by native SQL, because the payload is {@code jsonb} and needs an explicit cast JPA cannot
 * express, and {@code seq} is the database's to assign.
 */
@Entity
@Table(name = "thread_items")
class ThreadItemEntity {

  @Id
  @Column(name = "seq")
  private Long seq;

  @Column(name = "thread_id")
  private String threadId;

  @Column(name = "id")
  private String id;

  @Column(name = "owner")
  private String owner;

  @Column(name = "type")
  private String type;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "payload")
  private String payload;

  protected ThreadItemEntity() {
    // for JPA
  }

  Long seq() {
    return seq;
  }

  String threadId() {
    return threadId;
  }

  String id() {
    return id;
  }

  String type() {
    return type;
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }

  String payload() {
    return payload;
  }
}
