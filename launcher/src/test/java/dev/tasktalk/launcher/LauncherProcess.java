package dev.tasktalk.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** One {@code java -jar tasktalk.jar} started by a test, with its console captured line by line. */
final class LauncherProcess {

  private static final List<String> CLEARED =
      List.of(
          "DATABASE_URL",
          "DATABASE_USER",
          "DATABASE_PASSWORD",
          "JWT_SECRET",
          "BETTER_AUTH_SECRET",
          "MP_JWT_VERIFY_PUBLICKEY",
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
          "TASKTALK_DEV_LOGIN",
          "TASKTALK_DB_URL",
          "TASKTALK_DB_USER",
          "TASKTALK_DB_PASSWORD",
          "TASKTALK_DB_MODE");

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LauncherProcess(Process process, String name) {
    this.process = process;
    Thread reader = new Thread(this::readConsole, name + "-console");
    reader.setDaemon(true);
    reader.start();
  }

  static LauncherProcess start(Path jar, int port, Path dataDirectory, String name) {
    return start(jar, port, dataDirectory, name, Map.of());
  }

  /** As a person would start it, with {@code settings} added to a cleared environment. */
  static LauncherProcess start(
      Path jar, int port, Path dataDirectory, String name, Map<String, String> settings) {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    CLEARED.forEach(env::remove);
    env.put("PORT", Integer.toString(port));
    env.put("TASKTALK_DATA_DIR", dataDirectory.toString());
    env.putAll(settings);
    try {
      return new LauncherProcess(builder.start(), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Process process() {
    return process;
  }

  /** Waits for the banner; fails early with the console if the launcher exits first. */
  List<String> awaitBanner(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      int start = indexOfBanner();
      if (start >= 0 && lines.stream().skip(start).anyMatch(l -> l.contains("Stop with Ctrl-C"))) {
        return lines.subList(start, lines.size());
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the launcher exited with "
                + process.exitValue()
                + " before its banner:\n"
                + console());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no banner within " + timeout + ":\n" + console());
  }

  String console() {
    return lines.stream().collect(Collectors.joining("\n"));
  }

  private int indexOfBanner() {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(Banner.READY_LINE)) {
        return i;
      }
    }
    return -1;
  }

  private void readConsole() {
    try (BufferedReader console =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = console.readLine(); line != null; line = console.readLine()) {
        lines.add(line);
        System.out.println(line);
      }
    } catch (IOException e) {
      lines.add("(console closed: " + e + ")");
    }
  }
}
