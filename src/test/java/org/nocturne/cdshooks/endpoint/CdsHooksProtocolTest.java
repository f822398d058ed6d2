package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.prefetch.PrefetchConfiguration;
import org.nocturne.cdshooks.security.SecurityConfiguration;
import org.nocturne.service.ServiceWiring;
import org.nocturne.state.StateWiring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The protocol's edge in a web slice (Spring MVC, the CDS Hooks endpoints and the services; no
 * server, database, demo or app): what Spring refuses before a controller is chosen (405, 406, 415)
 * and the body limits the controller enforces (413), each answered as an OperationOutcome. What
 * needs the whole application over real HTTP (host and origin checks, metrics, health) stays in
 * {@code CdsHooksEndpointsTest}.
 */
@WebMvcTest(
    // only what is imported below: no other controller, filter or configuration of the application
    useDefaultFilters = false,
    properties = {
      "nocturne.cds-hooks.max-request-bytes=65536",
      // who may call is JwtAuthenticationTest's subject; here every call is let through as in local
      "nocturne.security.jwt-required=false"
    })
@Import({
  CdsHooksController.class,
  CdsHooksErrors.class,
  CdsHooksConfiguration.class,
  PrefetchConfiguration.class,
  SecurityConfiguration.class,
  ServiceWiring.class,
  StateWiring.class,
  CdsHooksProtocolTest.Slice.class
})
class CdsHooksProtocolTest {
  private static final String SERVICE = "/cds-services/nocturnal-leg-pain";
  private static final String MINIMAL =
      """
      {"hook":"patient-view","hookInstance":"h-1",
       "context":{"userId":"Practitioner/u1","patientId":"p1"},
       "prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}""";
  private static final byte[] OVER_THE_LIMIT =
      MINIMAL.replace("\"h-1\"", "\"" + "x".repeat(70_000) + "\"").getBytes(StandardCharsets.UTF_8);

  @TestConfiguration(proxyBeanMethods = false)
  static class Slice {
    /** The slice has no metrics auto-configuration; the endpoints count into a registry. */
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    /** As every HTTP client does: the loopback guard (no JWT required) refuses a missing Host. */
    @Bean
    MockMvcBuilderCustomizer loopbackHost() {
      return builder -> builder.defaultRequest(get("/").header("Host", "localhost"));
    }
  }

  @Autowired MockMvc mvc;

  private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private static void assertOperationOutcome(MockHttpServletResponse response, int status)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/json");
    assertThat(response.getContentAsString())
        .contains("\"resourceType\":\"OperationOutcome\"")
        .contains("\"severity\":\"error\"");
  }

  @Test
  void mediaTypeParametersAreAccepted() throws Exception {
    var response =
        perform(post(SERVICE).contentType("application/json; charset=utf-8").content(MINIMAL));

    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void aBodyThatIsNotJsonIsA415() throws Exception {
    assertOperationOutcome(perform(post(SERVICE).contentType("text/plain").content(MINIMAL)), 415);
    assertOperationOutcome(perform(post(SERVICE).content(MINIMAL)), 415);
  }

  @Test
  void aBodyOverTheLimitIsA413() throws Exception {
    assertOperationOutcome(
        perform(post(SERVICE).contentType("application/json").content(OVER_THE_LIMIT)), 413);
  }

  @Test
  void aChunkedBodyOverTheLimitIsA413Too() throws Exception {
    // a chunked body announces no length: the limit must hold while it is read
    RequestBuilder chunked =
        servletContext -> {
          var request =
              new MockHttpServletRequest(servletContext, "POST", SERVICE) {
                @Override
                public int getContentLength() {
                  return -1;
                }

                @Override
                public long getContentLengthLong() {
                  return -1;
                }
              };
          request.setContentType("application/json");
          request.addHeader("Host", "localhost");
          request.addHeader("Transfer-Encoding", "chunked");
          request.setContent(OVER_THE_LIMIT);
          return request;
        };

    assertOperationOutcome(perform(chunked), 413);
  }

  @Test
  void theServiceEndpointOnlyTakesPostAndSaysSo() throws Exception {
    var get = perform(get(SERVICE));
    var delete = perform(delete("/cds-services"));

    assertOperationOutcome(get, 405);
    assertThat(get.getHeader("Allow")).isEqualTo("POST");
    assertOperationOutcome(delete, 405);
    assertThat(delete.getHeader("Allow")).isEqualTo("GET");
  }

  @Test
  void aGzipBodyIsA415NotBrokenJson() throws Exception {
    var zipped = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(zipped)) {
      gzip.write(MINIMAL.getBytes(StandardCharsets.UTF_8));
    }

    var response =
        perform(
            post(SERVICE)
                .contentType("application/json")
                .header("Content-Encoding", "gzip")
                .content(zipped.toByteArray()));

    assertOperationOutcome(response, 415);
    assertThat(response.getContentAsString())
        .contains("Content-Encoding")
        .doesNotContain("not valid JSON");
  }

  @Test
  void aClientThatAcceptsFhirJsonIsAnswered() throws Exception {
    var call =
        perform(
            post(SERVICE)
                .contentType("application/json")
                .header("Accept", "application/fhir+json")
                .content(MINIMAL));
    var discovery = perform(get("/cds-services").header("Accept", "application/fhir+json"));

    assertThat(call.getStatus()).isEqualTo(200);
    assertThat(call.getContentAsString()).contains("\"cards\"");
    assertThat(discovery.getStatus()).isEqualTo(200);
  }

  @Test
  void aClientThatAcceptsNeitherJsonIsA406() throws Exception {
    var response =
        perform(
            post(SERVICE)
                .contentType("application/json")
                .header("Accept", "text/html")
                .content(MINIMAL));

    assertOperationOutcome(response, 406);
  }
}
