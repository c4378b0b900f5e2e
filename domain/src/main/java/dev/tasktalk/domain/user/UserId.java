package dev.tasktalk.domain.user;

/**
 * The owner of everything a user does: the verified token's subject, never anything a client sends.
 */
public record UserId(String value) {

  public static final int MAX_LENGTH = 255;

  public UserId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("user id is longer than " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
