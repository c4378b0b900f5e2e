package dev.tasktalk.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

/**
 * The dev-login signing secret: 48 random bytes, base64url, created once in a file only its owner
 * can read, so tokens issued before a restart stay valid after it.
 */
final class DevSecret {

  private static final int BYTES = 48;

  private DevSecret() {}

  static String loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (secret.isEmpty()) {
        throw new LaunchException(file + " is empty: delete it and a new dev secret is created");
      }
      return secret;
    } catch (IOException e) {
      throw new LaunchException("cannot read or create the dev secret " + file + ": " + e, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] bytes = new byte[BYTES];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      createOwnerOnly(file);
    } catch (FileAlreadyExistsException raced) {
      return;
    }
    Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
  }

  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(
          file,
          PosixFilePermissions.asFileAttribute(
              EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
  }
}
