package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.security.Rehearsal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The warm-up as production runs it: JWTs required, its example calls made over HTTP to the
 * service's own port with the rehearsal's tokens, through the whole request path, leaving no audit
 * row, metric or call log line, and its tokens closed once the service is ready.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "nocturne.cds-hooks.warm-up=1s",
      "nocturne.security.jwt-required=true",
      "nocturne.security.public-base-url=https://cds.example.org",
      "nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org",
      "nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks"
    })
@ExtendWith(OutputCaptureExtension.class)
class WarmUpOverHttpTest {
  @Autowired WarmUp warmUp;
  @Autowired Rehearsal rehearsal;
  @Autowired MeterRegistry meters;
  @Autowired FeedbackStore state;
  @Autowired CdsHooksInvoker invoker;

  @Test
  void rehearsesOverHttpThenClosesItsTokensAndLeavesNoTrace(CapturedOutput output)
      throws InterruptedException {
    Instant started = Instant.now().minusSeconds(600);
    for (int i = 0; i < 600 && !warmUp.done(); i++) {
      Thread.sleep(100);
    }

    assertThat(warmUp.done()).isTrue();
    assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    assertThat(warmUp.callsOverHttp()).as("calls over HTTP").isPositive();
    assertThat(rehearsal.open()).as("rehearsal tokens refused once ready").isFalse();
    assertThat(invoker.served())
        .as("its calls over HTTP are not an EHR's: the rehearsal did not give way to itself")
        .isFalse();
    assertThat(state.calls(started, Instant.now())).as("no audit row").isEmpty();
    assertThat(meters.find(InvocationMetricsFilter.METRIC).meters()).as("no call metric").isEmpty();
    assertThat(output.getOut())
        .as("no call log line, no refusal")
        .doesNotContain("hookInstance=")
        .doesNotContain("rejected a call")
        .contains("over HTTP on loopback port");
  }
}
