package dev.tasktalk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code java -jar tasktalk.jar}: picks the database (embedded unless {@code DATABASE_URL} is set)
 * and the auth mode, runs Payara Micro with the WAR as a child process, prints a banner once the
 * application is ready, and stops everything on Ctrl-C or SIGTERM.
 */
public final class Launcher {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Settings settings;
  private final Path home;
  private final Instant started;

  Launcher(Settings settings, Path home, Instant started) {
    this.settings = settings;
    this.home = home;
    this.started = started;
  }

  public static void main(String[] args) {
    Instant started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    int code;
    try {
      code = new Launcher(Settings.fromSystem(), codeSource(), started).run();
    } catch (LaunchException e) {
      System.err.println("tasktalk: " + e.getMessage());
      code = 1;
    } catch (InterruptedException e) {
      code = 130;
    }
    System.exit(code); // runs the shutdown hook, which stops whatever is still running
  }

  int run() throws InterruptedException {
    int port = settings.port();
    Path dataDirectory = settings.dataDirectory();
    boolean fsync = settings.databaseFsync();
    Optional<DatabaseConnection> external = externalDatabase();
    AuthMode auth = AuthMode.decide(settings);
    Path lib = home.resolveSibling("lib");
    Path payaraJar = requireFile(lib.resolve("payara-micro.jar"));
    Path war = requireFile(lib.resolve("tasktalk.war"));
    if (!FreePort.isFree(port)) {
      throw new LaunchException("port " + port + " is already in use; set PORT to a free port");
    }
    createDirectories(dataDirectory);
    String devSecret =
        auth == AuthMode.DEV_LOGIN
            ? DevSecret.loadOrCreate(dataDirectory.resolve("dev-jwt-secret"))
            : null;

    Supervisor supervisor = new Supervisor(ReaperLink.start(java(), home.toString()));
    Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "tasktalk-shutdown"));
    DatabaseConnection database =
        external.orElseGet(() -> startEmbeddedDatabase(supervisor, dataDirectory, fsync));
    ChildEnvironment environment =
        new ChildEnvironment(settings, port, dataDirectory, database, auth, devSecret);
    System.out.println("tasktalk: starting Payara Micro on port " + port);
    PayaraProcess payara =
        supervisor.startPayara(
            () ->
                PayaraProcess.start(
                    java(),
                    JavaOptions.forPayara(settings),
                    payaraJar,
                    war,
                    port,
                    environment::applyTo));
    return serve(supervisor, payara, new Banner(port, database, auth));
  }

  private Optional<DatabaseConnection> externalDatabase() {
    return settings
        .get("DATABASE_URL")
        .map(
            url ->
                DatabaseUrl.parse(
                    url,
                    settings.get("DATABASE_USER").orElse(null),
                    settings.get("DATABASE_PASSWORD").orElse(null)));
  }

  private static DatabaseConnection startEmbeddedDatabase(
      Supervisor supervisor, Path data, boolean fsync) {
    Path directory = data.resolve("postgres");
    System.out.println("tasktalk: starting the embedded PostgreSQL in " + directory);
    if (!fsync) {
      System.err.println(
          "tasktalk: WARNING: fsync is off: a power cut or OS crash can lose"
              + " acknowledged writes (TASKTALK_DB_FSYNC=off)");
    }
    return supervisor.startEmbeddedDatabase(
        directory,
        data.resolve("postgres.port"),
        data.resolve("postgres.log"),
        fsync,
        Launcher::exitWithoutDatabase);
  }

  /**
   * The embedded PostgreSQL died and did not come back: exit non-zero, so that a service manager
   * restarts the whole thing; the shutdown hook stops Payara and releases the reaper.
   */
  private static void exitWithoutDatabase() {
    System.exit(1);
  }

  private int serve(Supervisor supervisor, PayaraProcess payara, Banner banner)
      throws InterruptedException {
    ReadinessProbe probe =
        new ReadinessProbe(URI.create("http://127.0.0.1:" + banner.port() + "/health/ready"));
    ReadinessProbe.Outcome outcome = probe.await(READY_TIMEOUT, payara::isAlive);
    if (outcome == ReadinessProbe.Outcome.FAILED) {
      System.err.println(
          "tasktalk: the application failed to start (GET /health/ready has answered 500"
              + " for "
              + ReadinessProbe.FAILED_AFTER.toSeconds()
              + " s). The cause is in the log above, after 'Caused by': often a setting it refused,"
              + " such as JWT_SECRET, MP_JWT_VERIFY_PUBLICKEY_LOCATION or CORS_ORIGINS; stopping");
      supervisor.stop();
      return 1;
    }
    if (outcome == ReadinessProbe.Outcome.TIMED_OUT) {
      System.err.println(
          "tasktalk: the application did not answer GET /health/ready with 200"
              + " within "
              + READY_TIMEOUT.toSeconds()
              + " s; stopping");
      supervisor.stop();
      return 1;
    }
    if (outcome == ReadinessProbe.Outcome.READY) {
      System.out.println(banner.render(Duration.between(started, Instant.now())));
      System.gc(); // zonky buffered the 15 MB PostgreSQL archive at start: give the heap back
    }
    int code = payara.waitFor();
    if (!supervisor.isStopped()) {
      System.err.println(
          "tasktalk: Payara Micro exited with code "
              + code
              + (outcome == ReadinessProbe.Outcome.READY ? "" : " before the application was ready")
              + "; stopping");
      supervisor.stop();
    }
    return code;
  }

  private static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LaunchException(
          file
              + " is missing: the launcher expects lib/payara-micro.jar"
              + " and lib/tasktalk.war next to tasktalk.jar (run mvn package)");
    }
    return file;
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new LaunchException("cannot create the data directory " + directory + ": " + e, e);
    }
  }

  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The launcher jar (or classes directory); {@code lib/} sits beside it. */
  private static Path codeSource() {
    try {
      return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new LaunchException("cannot locate the launcher jar: " + e.getMessage(), e);
    }
  }
}
