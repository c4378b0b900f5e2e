package dev.tasktalk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server under test, started the way a user starts it: {@code java -jar
 * launcher/target/tasktalk.jar}, with its embedded PostgreSQL in a fresh data directory and the
 * fake model as its OpenAI-compatible provider.
 */
final class ServerProcess implements Server {

  private final Process launcher;
  private final int port;
  private final Path dataDirectory;

  private ServerProcess(Process launcher, int port, Path dataDirectory) {
    this.launcher = launcher;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  static ServerProcess start(
      Path jar, Path workDirectory, Map<String, String> settings, Clients clients)
      throws IOException, InterruptedException {
    int port = freePort();
    Path data = workDirectory.resolve("data");
    Files.createDirectories(workDirectory);
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(workDirectory.resolve("server.log").toFile());
    builder.environment().putAll(settings);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("TASKTALK_DATA_DIR", data.toString());
    ServerProcess server = new ServerProcess(builder.start(), port, data);
    server.awaitReady(clients, Duration.ofMinutes(3));
    return server;
  }

  @Override
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public List<Long> payaraPids() {
    return List.of(payaraPid());
  }

  /** The Payara Micro JVM that serves the requests (a child of the launcher). */
  long payaraPid() {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Payara process under the launcher"))
        .pid();
  }

  /** The embedded PostgreSQL's postmaster and its backends (none when DATABASE_URL is set). */
  @Override
  public List<Long> postgresPids() {
    Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
    List<Long> pids = new ArrayList<>();
    try {
      long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      pids.add(postmaster);
      ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
    } catch (IOException | RuntimeException e) {
      // not started yet or stopped
    }
    return pids;
  }

  /** JDBC URL of the embedded database, from the port file the launcher keeps. */
  @Override
  public String jdbcUrl() throws IOException {
    String dbPort = Files.readString(dataDirectory.resolve("postgres.port")).trim();
    return "jdbc:postgresql://localhost:" + dbPort + "/tasktalk";
  }

  private void awaitReady(Clients clients, Duration limit)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        throw new IllegalStateException(
            "the server exited with "
                + launcher.exitValue()
                + "; see "
                + dataDirectory.getParent().resolve("server.log"));
      }
      try {
        if (clients.get(uri("/health")).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the server was not ready within " + limit.toSeconds() + " s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM, as Ctrl-C would: the launcher stops Payara and PostgreSQL itself. */
  @Override
  public void close() throws InterruptedException {
    launcher.destroy();
    if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
      Stream.concat(launcher.descendants(), Stream.of(launcher.toHandle()))
          .forEach(ProcessHandle::destroyForcibly);
    }
  }
}
