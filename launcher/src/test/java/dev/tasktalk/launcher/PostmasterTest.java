package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterTest {

  @TempDir Path dataDirectory;

  @Test
  void givenNoPidFile_find_findsNothing() {
    assertThat(Postmaster.find(dataDirectory)).isEmpty();
  }

  @Test
  void givenPidFileNamingALiveProcessThatIsNotPostgres_find_findsNothing() throws Exception {
    writePidFile(ProcessHandle.current().pid(), dataDirectory);

    assertThat(Postmaster.find(dataDirectory)).isEmpty();
  }

  @Test
  void givenPidFileOfAnotherDirectory_find_findsNothing() throws Exception {
    writePidFile(ProcessHandle.current().pid(), Path.of("/elsewhere"));

    assertThat(Postmaster.find(dataDirectory)).isEmpty();
  }

  @Test
  void givenGarbledPidFile_find_findsNothing() throws Exception {
    Files.writeString(dataDirectory.resolve("postmaster.pid"), "abc\n" + dataDirectory + "\n");

    assertThat(Postmaster.find(dataDirectory)).isEmpty();
  }

  private void writePidFile(long pid, Path directory) throws Exception {
    Files.writeString(
        dataDirectory.resolve("postmaster.pid"),
        pid + "\n" + directory + "\n1795330000\n5432\n/tmp\nlocalhost\n");
  }
}
