package org.nocturne.state;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Real PostgreSQL for the state tests (zonky embedded binaries, no Docker). One server per JVM is
 * shared; each test class takes a database of its own. Tests that stop the server start their own.
 */
final class Postgres implements AutoCloseable {
  private static Postgres shared;
  private static final AtomicInteger databases = new AtomicInteger();

  private final EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /** The server shared by the test JVM, started on first use. */
  static synchronized Postgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** A server of one's own (to stop it mid-run). */
  static Postgres start() {
    try {
      return new Postgres(
          EmbeddedPostgres.builder()
              .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
              .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new, empty database on this server; its JDBC URL. */
  String newDatabase() {
    String name = "nocturne_" + databases.incrementAndGet();
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  /** A new database with the service's migrations applied. */
  DataSource migratedDatabase() {
    DataSource dataSource = dataSource(newDatabase());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  static DataSource dataSource(String url) {
    return new DriverManagerDataSource(url, "postgres", "postgres");
  }

  /** Spring properties that point the service at {@code url}. */
  static Map<String, Object> springProperties(String url) {
    return Map.of(
        "nocturne.state", "jdbc",
        "spring.datasource.url", url,
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres");
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
