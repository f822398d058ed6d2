package org.nocturne.demo;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Set;

/**
 * A test setting ({@code nocturne.demo.fhir.reject-writes}): the demo FHIR server refuses every
 * write with 422, as a real EHR may, so the app's handling of a refused write can be shown.
 */
@Interceptor
final class DemoRejectWrites {
  private static final Set<RestOperationTypeEnum> WRITES =
      Set.of(
          RestOperationTypeEnum.CREATE,
          RestOperationTypeEnum.UPDATE,
          RestOperationTypeEnum.PATCH,
          RestOperationTypeEnum.DELETE,
          RestOperationTypeEnum.TRANSACTION);

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void refuse(RequestDetails request, RestOperationTypeEnum operation) {
    if (WRITES.contains(operation)) {
      throw new UnprocessableEntityException(
          "The demo EHR refuses writes (test setting nocturne.demo.fhir.reject-writes).");
    }
  }
}
