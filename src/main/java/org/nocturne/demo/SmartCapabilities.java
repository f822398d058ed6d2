package org.nocturne.demo;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The SMART security block of the demo FHIR server's CapabilityStatement (SMART App Launch 2.x
 * §Conformance: {@code rest.security} with the OAuth endpoints), beside the well-known document.
 */
@Interceptor
final class SmartCapabilities {
  static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void addSecurity(IBaseConformance statement, RequestDetails request) {
    if (!(statement instanceof CapabilityStatement capabilities)
        || !(request instanceof ServletRequestDetails servlet)) {
      return;
    }
    String origin = DemoOrigins.origin(servlet.getServletRequest());
    Extension uris = new Extension(OAUTH_URIS);
    uris.addExtension("authorize", new UriType(origin + DemoAuthController.AUTHORIZE));
    uris.addExtension("token", new UriType(origin + DemoAuthController.TOKEN));
    uris.addExtension("revoke", new UriType(origin + DemoAuthController.REVOKE));
    for (CapabilityStatement.CapabilityStatementRestComponent rest : capabilities.getRest()) {
      CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
      security.addService(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/restful-security-service",
                      "SMART-on-FHIR",
                      "SMART-on-FHIR")));
      security.addExtension(uris.copy());
    }
  }
}
