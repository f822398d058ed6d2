package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The local H2 database's directory and files are its user's alone (issue 26, finding 6). */
class H2FilesPrivateTest {
  @Test
  void theDirectoryIs0700AndItsFiles0600(@TempDir Path temp) throws Exception {
    Path directory = temp.resolve("nocturne-state");
    Files.createDirectories(directory);
    Path existing = Files.createFile(directory.resolve("nocturne.mv.db"));
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(
                "spring.datasource.url",
                "jdbc:h2:file:" + directory.resolve("nocturne") + ";MODE=PostgreSQL");

    new H2FilesPrivate().postProcessEnvironment(environment, new SpringApplication());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingDirectoryIsCreatedPrivate(@TempDir Path temp) throws Exception {
    Path directory = temp.resolve("new-state");
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("db"));

    new H2FilesPrivate().postProcessEnvironment(environment, new SpringApplication());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
        .isEqualTo("rwx------");
  }

  @Test
  void theLocalProfileOpensNoNetworkServer() throws Exception {
    assertThat(Files.readString(Path.of("src/main/resources/application-local.yml")))
        .doesNotContainIgnoringCase("AUTO_SERVER=TRUE");
  }
}
