package dev.tasktalk.bench;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * What the scenarios measure: one launcher with its embedded PostgreSQL ({@link ServerProcess}), or
 * {@code --nodes N} launchers on one shared PostgreSQL behind nginx ({@link Cluster}).
 */
interface Server extends AutoCloseable {

  /** Where the clients send {@code path}: the server itself, or nginx in front of the nodes. */
  URI uri(String path);

  /** The Payara Micro JVMs that serve the requests, one per node, in node order. */
  List<Long> payaraPids();

  /** The PostgreSQL postmaster and its backends. */
  List<Long> postgresPids();

  /**
   * Processes on the request path besides the nodes and the database (nginx); none for one node.
   */
  default List<Long> proxyPids() {
    return List.of();
  }

  /** JDBC URL of the database the nodes use. */
  String jdbcUrl() throws IOException;

  @Override
  void close() throws InterruptedException;
}
