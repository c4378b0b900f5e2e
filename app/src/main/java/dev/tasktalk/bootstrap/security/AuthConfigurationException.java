package dev.tasktalk.bootstrap.security;

/**
 * The authentication settings are missing, weak or unreadable; thrown at start-up so the deployment
 * fails.
 */
public class AuthConfigurationException extends RuntimeException {

  public AuthConfigurationException(String message) {
    super(message);
  }

  public AuthConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
