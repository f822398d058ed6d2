package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/** Logs name the service, the hookInstance, the status and the card count, never patient data. */
@LocalAppTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest {
  private static final String TOKEN = "secret-access-token-5be1";
  @LocalServerPort int port;

  @Test
  void noTokenPatientIdOrResourceReachesTheLog(CapturedOutput output) {
    LocalServer server = new LocalServer(port);
    ObjectNode call =
        (ObjectNode)
            CdsJson.mapper()
                .readTree(
                    LocalServer.read(
                        Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")));
    call.put("fhirServer", "https://ehr.example.org/fhir");
    ObjectNode auth = call.putObject("fhirAuthorization");
    auth.put("access_token", TOKEN)
        .put("token_type", "Bearer")
        .put("expires_in", 300)
        .put("scope", "patient/*.read")
        .put("subject", "nocturne");
    ((ObjectNode) call.get("prefetch")).remove("medications");

    var ok = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());
    var invalid =
        server.postJson(
            "/cds-services/nocturnal-leg-pain",
            call.toString().replace("\"patient-view\"", "\"order-sign\""));
    ((ObjectNode) call.get("prefetch")).remove("patient");
    var precondition = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(precondition.statusCode()).isEqualTo(412);
    assertThat(output.getAll())
        .contains("service=nocturnal-leg-pain")
        .contains("hookInstance=d1577c69-dfbe-44ad-ba6d-3e05e953b2ea")
        .doesNotContain(TOKEN)
        .doesNotContain("pat-rest-pain")
        .doesNotContain("abi-left")
        .doesNotContain("qr1");
  }
}
