package org.nocturne.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * An H2 file database (the {@code local} profile) lives in a directory only its user may enter
 * (0700), its files readable by that user alone (0600): it holds feedback and the audit, and H2
 * writes them with the process's umask (world-readable by default). Done before the database is
 * opened, so no file is ever created in a directory others can read.
 */
public final class H2FilesPrivate implements EnvironmentPostProcessor {
  private static final String PREFIX = "jdbc:h2:file:";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith(PREFIX)
        || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    String file = url.substring(PREFIX.length()).split(";", 2)[0];
    if (file.startsWith("~")) {
      file = System.getProperty("user.home") + file.substring(1);
    }
    Path directory = Path.of(file).toAbsolutePath().getParent();
    if (directory != null) {
      makePrivate(directory);
    }
  }

  static void makePrivate(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the H2 database directory cannot be made private", e);
    }
  }
}
