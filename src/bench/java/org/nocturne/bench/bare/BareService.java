package org.nocturne.bench.bare;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The comparators of the load test (issue 13), one tiny Spring Boot web service in two modes:
 *
 * <ul>
 *   <li>{@code --bare.hapi=true}: a bare Spring + HAPI CDS service. It reads the call's JSON and
 *       parses every prefetch value with HAPI R4, as HAPI's own CDS Hooks module does on every call
 *       (the value written back to a string and parsed whole), and answers no cards.
 *   <li>{@code --bare.hapi=false}: Spring + Jackson only: the JSON is read, nothing else.
 * </ul>
 *
 * No JWT, no validation, no state: the floor that any real service stands on. Started by {@code
 * LoadTest} with the same JVM flags as ours, on the bench class path (without the service's own
 * classes and configuration).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class BareService {
  public static void main(String[] args) {
    SpringApplication.run(BareService.class, args);
  }

  @RestController
  static class Endpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NO_CARDS = "{\"cards\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_SERVICES = "{\"services\":[]}".getBytes(StandardCharsets.UTF_8);

    private final FhirContext fhir = FhirContext.forR4();
    private final boolean hapi;

    Endpoint(@Value("${bare.hapi:true}") boolean hapi) {
      this.hapi = hapi;
    }

    @GetMapping(value = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> discovery() {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(NO_SERVICES);
    }

    @PostMapping(
        value = "/cds-services/{id}",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> invoke(@PathVariable String id, @RequestBody byte[] body) {
      JsonNode call = JSON.readTree(body);
      int resources = 0;
      if (hapi) {
        for (JsonNode value : call.path("prefetch")) {
          if (value.isObject()) {
            fhir.newJsonParser().parseResource(value.toString());
            resources++;
          }
        }
      }
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .header("X-Parsed", Integer.toString(resources))
          .body(NO_CARDS);
    }
  }
}
