package dev.tasktalk.application.port.out.persistence;

/**
 * Keys the server makes for itself and keeps in the database, so that every instance, and the same
 * instance after a restart, uses the same one.
 */
public interface SecretRepository {

  /**
   * The stored secret called {@code name}; when there is none yet, {@code fresh} is stored and
   * returned. Two instances asking at once get the same bytes.
   */
  byte[] secret(String name, byte[] fresh);
}
