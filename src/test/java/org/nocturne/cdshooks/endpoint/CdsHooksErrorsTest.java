package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsHooksException;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** Which failures become OperationOutcomes: all of {@code /cds-services}, elsewhere only ours. */
class CdsHooksErrorsTest {
  private final CdsHooksErrors errors = new CdsHooksErrors();

  private static MockHttpServletRequest request(String path) {
    return new MockHttpServletRequest("GET", path);
  }

  @Test
  void anyFailureUnderCdsServicesIsAnOperationOutcome() throws Exception {
    var response = new MockHttpServletResponse();
    // the failure is provoked: keep its stack trace out of the build log
    var log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(CdsHooksErrors.class);
    Level level = log.getLevel();
    log.setLevel(Level.OFF);
    Object handled;
    try {
      handled =
          errors.resolveException(
              request("/cds-services/x"), response, null, new IllegalStateException("boom"));
    } finally {
      log.setLevel(level);
    }

    assertThat(handled).isNotNull();
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString()).contains("OperationOutcome").doesNotContain("boom");
  }

  @Test
  void elsewhereSpringKeepsItsOwnErrorsButADeliberateCdsHooksExceptionIsMapped() throws Exception {
    var unexpected = new MockHttpServletResponse();
    var method = new MockHttpServletResponse();
    var deliberate = new MockHttpServletResponse();

    assertThat(
            errors.resolveException(
                request("/education/x"), unexpected, null, new IllegalStateException()))
        .isNull();
    assertThat(
            errors.resolveException(
                request("/education/x"),
                method,
                null,
                new HttpRequestMethodNotSupportedException("POST", List.of("GET"))))
        .isNull();
    assertThat(
            errors.resolveException(
                request("/admin/x"), deliberate, null, CdsHooksException.notFound("no such thing")))
        .isNotNull();
    assertThat(deliberate.getStatus()).isEqualTo(404);
    assertThat(deliberate.getContentAsString()).contains("no such thing");
  }

  @Test
  void a405UnderCdsServicesNamesTheAllowedMethods() {
    var response = new MockHttpServletResponse();

    errors.resolveException(
        request("/cds-services"),
        response,
        null,
        new HttpRequestMethodNotSupportedException(
            "DELETE", List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name())));

    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
  }
}
