package dev.tasktalk.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A tiny child JVM that outlives a killed launcher: it reads what to watch from its stdin and, when
 * that pipe closes without a {@code bye}, stops the watched processes and PostgreSQL.
 *
 * <p>Lines: {@code payara <pid>}, {@code postgres <data dir>}, {@code bye}.
 */
public final class Reaper {

  static final String BYE = "bye";
  static final String PAYARA = "payara ";
  static final String POSTGRES = "postgres ";

  private final List<Long> payaras = new ArrayList<>();
  private final List<Path> dataDirectories = new ArrayList<>();

  private Reaper() {}

  public static void main(String[] args) {
    // Ctrl-C and a closed terminal reach the whole process group; the launcher cleans up then.
    Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
    Signal.handle(new Signal("HUP"), SignalHandler.SIG_IGN);
    Reaper reaper = new Reaper();
    if (!reaper.readUntilBye(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))) {
      reaper.reap();
    }
  }

  private boolean readUntilBye(BufferedReader launcher) {
    try {
      for (String line = launcher.readLine(); line != null; line = launcher.readLine()) {
        if (line.equals(BYE)) {
          return true;
        } else if (line.startsWith(PAYARA)) {
          payaras.add(Long.parseLong(line.substring(PAYARA.length()).trim()));
        } else if (line.startsWith(POSTGRES)) {
          dataDirectories.add(Path.of(line.substring(POSTGRES.length())));
        }
      }
    } catch (IOException | NumberFormatException e) {
      System.err.println("tasktalk reaper: " + e);
    }
    return false;
  }

  private void reap() {
    for (long pid : payaras) {
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      process.ifPresent(
          p -> {
            System.err.println(
                "tasktalk reaper: the launcher is gone; stopping Payara Micro (pid " + pid + ")");
            p.destroy();
            p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
            if (p.isAlive()) {
              p.destroyForcibly();
            }
          });
    }
    for (Path directory : dataDirectories) {
      Postmaster.find(directory)
          .ifPresent(
              postmaster -> {
                System.err.println(
                    "tasktalk reaper: the launcher is gone; stopping PostgreSQL (pid "
                        + postmaster.pid()
                        + ") in "
                        + directory);
                Postmaster.stop(postmaster, Duration.ofSeconds(15));
              });
    }
  }
}
