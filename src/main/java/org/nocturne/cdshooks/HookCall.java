package org.nocturne.cdshooks;

/** A validated hook call with its prefetch resolved: what a {@link CdsService} works on. */
public record HookCall(CdsRequest request, Prefetch prefetch) {

  public String patientId() {
    return request.contextString("patientId");
  }
}
