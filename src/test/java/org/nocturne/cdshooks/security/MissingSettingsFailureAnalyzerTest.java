package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A refused start reads as a list of the missing settings, not as a stack trace. */
class MissingSettingsFailureAnalyzerTest {

  @Test
  void aRefusedStartNamesEachMissingSettingAndWhatToDo() {
    var failure =
        new BeanCreationException(
            "securityStartupCheck",
            new MissingSettings(List.of("nocturne.security.public-base-url is not set", "other")));

    var analysis = new MissingSettingsFailureAnalyzer().analyze(failure);

    assertThat(analysis.getDescription())
        .contains("\n  - nocturne.security.public-base-url is not set")
        .contains("\n  - other");
    assertThat(analysis.getAction()).contains("docs/configuration.md");
  }

  @Test
  void springBootUsesItAtStartUp() {
    // the other analyzers want Spring's bean factory: skip those that cannot be built bare
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, (type, name, failure) -> {}))
        .anySatisfy(
            analyzer -> assertThat(analyzer).isInstanceOf(MissingSettingsFailureAnalyzer.class));
  }
}
