package org.nocturne.demo;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;

/**
 * The demo FHIR server's access control for the SMART app: a bearer token from the demo's
 * authorization server opens its patient's compartment only, each operation as far as the token's
 * scopes allow ({@code .rs} read and search, {@code .c} create, {@code .u} update, {@code .d}
 * delete); an unknown, expired or revoked token is a 401. A request with no {@code Authorization}
 * header at all is the demo chart itself and is let through: the demo runs on loopback in the
 * {@code local} profile only, where the chart stands for the EHR's own, trusted, user interface.
 */
final class DemoFhirGuard extends AuthorizationInterceptor {
  private final DemoAuthorizationServer server;

  DemoFhirGuard(DemoAuthorizationServer server) {
    this.server = server;
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      return new RuleBuilder().allowAll("the demo chart").build();
    }
    String token =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : null;
    DemoAuthorizationServer.Token grant =
        server
            .token(token)
            .orElseThrow(
                () -> {
                  if (request instanceof ServletRequestDetails servlet) {
                    servlet
                        .getServletResponse()
                        .setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                  }
                  return new AuthenticationException(
                      "The access token is unknown, expired or revoked: launch the app again.");
                });
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation != RestOperationTypeEnum.METADATA) {
      char letter = letter(operation);
      String type = request.getResourceName();
      boolean allowed =
          grant.scopes().permissions().stream()
              .anyMatch(p -> (p.type().equals("*") || p.type().equals(type)) && p.allows(letter));
      if (!allowed) {
        throw new ForbiddenOperationException(
            "The token's scopes do not allow this on "
                + (type == null ? "the server" : type)
                + ".");
      }
    }
    IdType patient = new IdType("Patient", grant.patient());
    return new RuleBuilder()
        .allow("metadata")
        .metadata()
        .andThen()
        .allow("read in the patient's compartment")
        .read()
        .allResources()
        .inCompartment("Patient", patient)
        .andThen()
        .allow("create in the patient's compartment")
        .create()
        .allResources()
        .inCompartment("Patient", patient)
        .andThen()
        .allow("write in the patient's compartment")
        .write()
        .allResources()
        .inCompartment("Patient", patient)
        .andThen()
        .denyAll("outside the token's patient")
        .build();
  }

  /** The SMART v2 permission letter an operation needs; '-' for none we grant. */
  private static char letter(RestOperationTypeEnum operation) {
    if (operation == null) {
      return '-';
    }
    return switch (operation) {
      case READ, VREAD -> 'r';
      case SEARCH_TYPE -> 's';
      case CREATE -> 'c';
      case UPDATE, PATCH -> 'u';
      case DELETE -> 'd';
      default -> '-';
    };
  }
}
