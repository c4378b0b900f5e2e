package dev.tasktalk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code --nodes N}: README's "Run several instances" on one machine. One PostgreSQL (zonky's
 * embedded binaries, the same the launcher embeds), N launchers with {@code DATABASE_URL} pointing
 * at it and the same {@code JWT_SECRET}, and Debian's nginx as the current user, round robin with
 * no affinity, in its own prefix directory under the work directory. The clients talk to nginx
 * only. PostgreSQL's log: {@code postgres.log} in the work directory.
 */
final class Cluster implements Server {

  private static final Path NGINX = Path.of("/usr/sbin/nginx");

  private final EmbeddedPostgres database;
  private final Path databaseDirectory;
  private final int databasePort;
  private final List<ServerProcess> nodes;
  private final Process nginx;
  private final int front;

  private Cluster(
      EmbeddedPostgres database,
      Path databaseDirectory,
      int databasePort,
      List<ServerProcess> nodes,
      Process nginx,
      int front) {
    this.database = database;
    this.databaseDirectory = databaseDirectory;
    this.databasePort = databasePort;
    this.nodes = nodes;
    this.nginx = nginx;
    this.front = front;
  }

  static Cluster start(
      int count, Path jar, Path work, Map<String, String> settings, Clients clients)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(NGINX)) {
      throw new IllegalStateException("--nodes needs Debian's nginx at " + NGINX);
    }
    // zonky's own start and stop lines at INFO would interleave with the report.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int databasePort = freePort();
    Files.createDirectories(work);
    java.io.File log = work.resolve("postgres.log").toFile();
    EmbeddedPostgres database =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("postgres").toFile())
            .setCleanDataDirectory(true)
            .setPort(databasePort)
            // As the launcher configures its embedded PostgreSQL, so one node and N differ only in
            // the nodes: zonky's defaults (fsync and synchronous_commit off) would flatter N.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("listen_addresses", "localhost")
            .setLocaleConfig("locale-provider", "builtin")
            .setLocaleConfig("builtin-locale", "C.UTF-8")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
            .start();
    List<ServerProcess> nodes = new ArrayList<>();
    Process nginx = null;
    try {
      Map<String, String> shared = new LinkedHashMap<>(settings);
      shared.put(
          "DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:" + databasePort + "/postgres");
      // The first node alone, then the others at once. Started all at once on the empty database,
      // one node in three once failed its migration (Liquibase: relation "databasechangelog"
      // already exists, 2026-12-05): not what this benchmark measures.
      nodes.add(ServerProcess.start(jar, work.resolve("node-1"), shared, clients));
      List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
      for (int i = 2; i <= count; i++) {
        Path directory = work.resolve("node-" + i);
        starting.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return ServerProcess.start(jar, directory, shared, clients);
                  } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                  }
                }));
      }
      RuntimeException failed = null;
      for (CompletableFuture<ServerProcess> node : starting) {
        try {
          nodes.add(node.join());
        } catch (CompletionException e) {
          failed = failed == null ? e : failed;
        }
      }
      if (failed != null) {
        throw failed;
      }
      int front = freePort();
      nginx = startNginx(Files.createDirectories(work.resolve("nginx")), front, nodes);
      return new Cluster(database, work.resolve("postgres"), databasePort, nodes, nginx, front);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (nginx != null) {
        nginx.destroy();
      }
      for (ServerProcess node : nodes) {
        node.close();
      }
      database.close();
      throw e;
    }
  }

  List<ServerProcess> nodes() {
    return nodes;
  }

  @Override
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + front + path);
  }

  @Override
  public List<Long> payaraPids() {
    return nodes.stream().map(ServerProcess::payaraPid).toList();
  }

  @Override
  public List<Long> postgresPids() {
    List<Long> pids = new ArrayList<>();
    try {
      long postmaster =
          Long.parseLong(
              Files.readAllLines(databaseDirectory.resolve("postmaster.pid")).get(0).trim());
      pids.add(postmaster);
      ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
    } catch (IOException | RuntimeException e) {
      // stopped
    }
    return pids;
  }

  @Override
  public List<Long> proxyPids() {
    List<Long> pids = new ArrayList<>();
    if (nginx.isAlive()) {
      pids.add(nginx.pid());
      nginx.descendants().forEach(worker -> pids.add(worker.pid()));
    }
    return pids;
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
  }

  /**
   * nginx as README configures it (buffering off, long reads, keep-alive to the nodes), with room
   * for a connection per stream on both sides: 1,000 streams are 2,000 connections.
   */
  private static Process startNginx(Path prefix, int front, List<ServerProcess> nodes)
      throws IOException, InterruptedException {
    StringBuilder upstream = new StringBuilder();
    for (ServerProcess node : nodes) {
      upstream.append("    server ").append(node.uri("").getAuthority()).append(";\n");
    }
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    String config =
        user
            + "worker_processes 1;\n"
            + "worker_rlimit_nofile 16384;\n"
            + "error_log "
            + prefix.resolve("error.log")
            + " warn;\n"
            + "events { worker_connections 8192; }\n"
            + "http {\n"
            + "  access_log off;\n"
            + tempPaths(prefix)
            + "  upstream tasktalk {\n"
            + upstream
            + "    keepalive 16;\n  }\n"
            + "  server {\n"
            + "    listen 127.0.0.1:"
            + front
            + ";\n"
            + "    client_max_body_size 20m;\n"
            + "    location / {\n"
            + "      proxy_pass http://tasktalk;\n"
            + "      proxy_http_version 1.1;\n"
            + "      proxy_set_header Connection \"\";\n"
            + "      proxy_set_header Host $host;\n"
            + "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
            + "      proxy_buffering off;\n"
            + "      proxy_read_timeout 1h;\n"
            + "    }\n"
            + "  }\n"
            + "}\n";
    Files.writeString(prefix.resolve("nginx.conf"), config);
    Process process =
        new ProcessBuilder(
                NGINX.toString(),
                "-p",
                prefix.toString(),
                "-e",
                prefix.resolve("error.log").toString(),
                "-c",
                "nginx.conf",
                "-g",
                "daemon off; pid " + prefix.resolve("nginx.pid") + ";")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("console.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", front)) {
        return process;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "nginx exited: " + Files.readString(prefix.resolve("console.log")));
        }
        Thread.sleep(100);
      }
    }
    process.destroy();
    throw new IllegalStateException("nginx did not listen on " + front);
  }

  /** Debian's defaults point at /var/lib/nginx, which the current user may not write. */
  private static String tempPaths(Path prefix) {
    StringBuilder paths = new StringBuilder();
    for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      paths
          .append("  ")
          .append(kind)
          .append("_temp_path ")
          .append(prefix.resolve(kind))
          .append(";\n");
    }
    return paths.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    nginx.destroy();
    nginx.waitFor(10, TimeUnit.SECONDS);
    for (ServerProcess node : nodes) {
      node.close();
    }
    try {
      database.close();
    } catch (IOException e) {
      System.err.println("tasktalk-bench: stopping PostgreSQL: " + e.getMessage());
    }
  }
}
