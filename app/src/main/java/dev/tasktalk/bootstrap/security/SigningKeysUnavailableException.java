package dev.tasktalk.bootstrap.security;

/**
 * The keys needed to check a token could not be fetched (e.g. the JWKS endpoint is down), so the
 * token is neither accepted nor known to be bad; callers answer 503 rather than 401.
 */
public class SigningKeysUnavailableException extends RuntimeException {

  public SigningKeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
