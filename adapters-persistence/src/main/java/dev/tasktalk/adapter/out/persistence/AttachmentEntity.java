package dev.tasktalk.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code attachments} without its {@code content}: reading a description never loads the
 * file, and {@link JpaAttachmentRepository} reads and writes the bytes (and the row) by native SQL.
 */
@Entity
@Table(name = "attachments")
class AttachmentEntity {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "owner")
  private String owner;

  @Column(name = "name")
  private String name;

  @Column(name = "mime_type")
  private String mimeType;

  @Column(name = "size")
  private long size;

  @Column(name = "thread_id")
  private String threadId;

  @Column(name = "uploaded")
  private boolean uploaded;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  protected AttachmentEntity() {
    // for JPA
  }

  String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  String name() {
    return name;
  }

  String mimeType() {
    return mimeType;
  }

  long size() {
    return size;
  }

  String threadId() {
    return threadId;
  }

  boolean uploaded() {
    return uploaded;
  }

  OffsetDateTime createdAt() {
    return createdAt;
  }
}
