package org.nocturne.cdshooks;

import org.nocturne.cdshooks.prefetch.Prefetch;

/** A validated hook call with its prefetch resolved: what a {@link CdsService} works on. */
public record HookCall(CdsRequest request, Prefetch prefetch) {

  public String patientId() {
    return request.contextString("patientId");
  }
}
