package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretTest {

  @TempDir Path directory;

  @Test
  void givenNoFile_loadOrCreate_stores48RandomBytesReadableByTheOwnerOnly() throws Exception {
    Path file = directory.resolve("dev-jwt-secret");

    String secret = DevSecret.loadOrCreate(file);

    assertThat(secret).matches("[A-Za-z0-9_-]{64}");
    assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(48);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void givenExistingFile_loadOrCreate_returnsTheSameSecret() {
    Path file = directory.resolve("dev-jwt-secret");

    String first = DevSecret.loadOrCreate(file);

    assertThat(DevSecret.loadOrCreate(file)).isEqualTo(first);
    assertThat(DevSecret.loadOrCreate(directory.resolve("other"))).isNotEqualTo(first);
  }
}
