package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nocturne.NocturneApplication;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.security.InMemoryReplayGuard;
import org.nocturne.cdshooks.security.ReplayGuard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where state lives: production refuses to start without a database unless memory is chosen (and
 * then says so at start); the local profile needs no setup (an H2 file under target/).
 */
@ExtendWith(OutputCaptureExtension.class)
class StateModesTest {
  private static final String[] TRUSTED_ISSUER = {
    "--nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org",
    "--nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks",
    "--nocturne.security.public-base-url=https://cds.example.org"
  };

  private static ConfigurableApplicationContext run(String... args) {
    var app = new SpringApplication(NocturneApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    return app.run(args);
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void productionWithoutADatabaseRefusesToStart() {
    // the refusal is provoked: keep Spring's report of it out of the build log
    String[] quiet = {
      "--nocturne.state=jdbc",
      "--logging.level.org.springframework.boot=off",
      "--logging.level.org.springframework.context=error"
    };
    assertThatThrownBy(() -> run(with(TRUSTED_ISSUER, quiet)).close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no database is configured")
        .hasMessageContaining("spring.datasource.url")
        .hasMessageContaining("nocturne.state=memory");
  }

  @Test
  void memoryStateMustBeChosenAndIsAnnouncedAsSingleReplica(CapturedOutput output) {
    try (var context = run(with(TRUSTED_ISSUER, "--nocturne.state=memory"))) {
      assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(InMemoryReplayGuard.class);
      assertThat(context.getBean(FeedbackStore.class)).isInstanceOf(MemoryState.class);
    }
    assertThat(output).contains("nocturne.state=memory").contains("run a single replica");
  }

  @Test
  void memoryStateStartsNoDatabaseAndKeepsTheOperatorsExclusions() {
    String jmx = "org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration";
    try (var context =
        run(
            with(
                TRUSTED_ISSUER,
                "--nocturne.state=Memory",
                "--spring.autoconfigure.exclude[0]=" + jmx))) {
      assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(InMemoryReplayGuard.class);
      assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
      assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
      assertThat(context.getEnvironment().getProperty("spring.autoconfigure.exclude"))
          .contains(jmx)
          .contains(MemoryStateNeedsNoDatabase.DATA_SOURCE)
          .contains(MemoryStateNeedsNoDatabase.JNDI_DATA_SOURCE);
    }
  }

  @Test
  void theLocalProfileKeepsStateInAnH2FileUnderTarget() {
    try (var context = run("--spring.profiles.active=local")) {
      assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(JdbcReplayGuard.class);
      assertThat(context.getBean(FeedbackStore.class)).isInstanceOf(JdbcFeedbackStore.class);
      assertThat(context.getBeanNamesForType(DataSource.class)).hasSize(1);
      assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
          .startsWith("jdbc:h2:file:./target/")
          .contains("MODE=PostgreSQL");
    }
  }
}
