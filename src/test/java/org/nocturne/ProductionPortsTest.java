package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outside the local profile, the public port (the one EHRs and the internet reach) shows only the
 * health probes; metrics, Prometheus and info answer on the management port alone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "nocturne.security.public-base-url=https://cds.example.org",
      "nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org",
      "nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks"
    })
class ProductionPortsTest {
  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void thePublicPortShowsOnlyTheHealthProbes() {
    LocalServer open = new LocalServer(port);

    assertThat(managementPort).isNotEqualTo(port);
    assertThat(open.get("/livez").statusCode()).isEqualTo(200);
    assertThat(open.get("/readyz").statusCode()).isEqualTo(200);
    for (String path :
        new String[] {
          "/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
          "/actuator/prometheus", "/actuator/info", "/actuator/env"
        }) {
      assertThat(open.get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void theManagementPortServesHealthMetricsPrometheusAndInfo() {
    new LocalServer(port).postJson("/cds-services/nocturnal-leg-pain", "{}"); // 401: no token
    LocalServer management = new LocalServer(managementPort);

    assertThat(management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(management.get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(200);
    assertThat(management.get("/actuator/info").body()).contains("\"build\"");
    assertThat(management.get("/actuator/prometheus").body())
        .contains(
            "nocturne_cds_invocations_seconds_count{outcome=\"401\",service=\"nocturnal-leg-pain\"}");
  }

  @Test
  void everyNocturneMetricIsDescribedAndTheFailureCountersStartAtZero() {
    new LocalServer(port).postJson("/cds-services/nocturnal-leg-pain", "{}"); // 401: no token
    String scrape = new LocalServer(managementPort).get("/actuator/prometheus").body();

    // an on-call engineer reads what a series counts in its # HELP line
    Set<String> described = new TreeSet<>();
    Matcher help = Pattern.compile("(?m)^# HELP (nocturne_\\w+) (.*)$").matcher(scrape);
    while (help.find()) {
      assertThat(help.group(2)).as(help.group(1)).isNotBlank();
      described.add(help.group(1));
    }
    scrape
        .lines()
        .filter(line -> line.startsWith("nocturne_"))
        .map(line -> line.split("[{ ]")[0].replaceAll("_(bucket|count|sum|max)$", ""))
        .forEach(name -> assertThat(described).as("# HELP of %s", name).contains(name));
    // alerts on increase() need the series before the first failure
    assertThat(scrape)
        .contains("nocturne_state_failures_total{operation=\"replay-guard\"} 0.0")
        .contains("nocturne_state_failures_total{operation=\"feedback\"} 0.0")
        .contains("nocturne_jwks_fetch_failures_total 0.0");
  }
}
