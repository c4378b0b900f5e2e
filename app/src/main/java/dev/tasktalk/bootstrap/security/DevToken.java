package dev.tasktalk.bootstrap.security;

import java.time.Instant;
import java.util.Objects;

/** A self-issued dev-login token, as {@code POST /api/dev/token} returns it. */
public record DevToken(String token, Instant expiresAt, String user) {

  public DevToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(user, "user");
  }
}
