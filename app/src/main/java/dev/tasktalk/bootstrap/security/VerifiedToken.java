package dev.tasktalk.bootstrap.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified bearer token says: its subject (the owner of everything the request touches), its
 * scopes and its expiry. {@code hasScopeClaim} tells "no scopes granted" apart from "no scope
 * claim".
 */
public record VerifiedToken(
    String subject, Set<String> scopes, boolean hasScopeClaim, Instant expiresAt) {

  public VerifiedToken {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!hasScopeClaim && !scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes without a scope claim");
    }
  }

  /** A token that carried a scope claim with these scopes. */
  public VerifiedToken(String subject, Set<String> scopes, Instant expiresAt) {
    this(subject, scopes, true, expiresAt);
  }

  /** A token without any scope claim. */
  public static VerifiedToken withoutScopeClaim(String subject, Instant expiresAt) {
    return new VerifiedToken(subject, Set.of(), false, expiresAt);
  }
}
