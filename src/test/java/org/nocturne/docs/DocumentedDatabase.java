package org.nocturne.docs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL a documented start names, made real: a start that points at {@code
 * jdbc:postgresql://127.0.0.1:5432/nocturne} with user {@code nocturne} finds exactly that (zonky's
 * embedded binaries, no container engine), as the documentation's own database step would leave it.
 * Only loopback URLs can be provided; any other host would have to be the reader's.
 */
final class DocumentedDatabase implements AutoCloseable {
  private static final Pattern LOOPBACK_POSTGRES =
      Pattern.compile(
          "jdbc:postgresql://(?:localhost|127\\.0\\.0\\.1)(?::(\\d+))?/([A-Za-z0-9_]+)");

  private final EmbeddedPostgres server;

  private DocumentedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  /** The database the start's datasource names, when it names one on this machine. */
  static Optional<DocumentedDatabase> forStart(DocumentedStart start) throws IOException {
    Optional<String> url = start.property("spring.datasource.url", "SPRING_DATASOURCE_URL");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = LOOPBACK_POSTGRES.matcher(url.get());
    if (!matcher.lookingAt()) {
      throw new IllegalArgumentException(
          start.where() + ": the database " + url.get() + " is not one a reader can start here");
    }
    int port = matcher.group(1) == null ? 5432 : Integer.parseInt(matcher.group(1));
    try (ServerSocket probe = new ServerSocket(port)) {
      probe.setReuseAddress(true);
    } catch (IOException taken) {
      throw new IllegalStateException(
          "port " + port + " is taken, but " + start.where() + " needs its PostgreSQL there",
          taken);
    }
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
            .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
            .start();
    String user =
        start
            .property("spring.datasource.username", "SPRING_DATASOURCE_USERNAME")
            .orElse("postgres");
    String password =
        start.property("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD").orElse("");
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      if (!user.equals("postgres")) {
        sql.execute(
            "CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
      }
      sql.execute("CREATE DATABASE \"" + matcher.group(2) + "\" OWNER \"" + user + "\"");
    } catch (SQLException e) {
      server.close();
      throw new IllegalStateException(e);
    }
    return Optional.of(new DocumentedDatabase(server));
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
