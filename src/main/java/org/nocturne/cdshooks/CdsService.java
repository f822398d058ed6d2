package org.nocturne.cdshooks;

import java.util.Map;

/**
 * One CDS service. Its discovery entry (hook, title, prefetch templates) lives in the discovery
 * document, matched by {@link #id()}; the service adds only what the spec leaves to it.
 */
public interface CdsService {

  /** The {@code id} of its entry in the discovery document. */
  String id();

  /** Prefetch keys it cannot run without; every other key is {@link PrefetchFailureMode#OMIT}. */
  Map<String, PrefetchFailureMode> failureModes();

  /** Answers a validated call whose prefetch is resolved. Never returns {@code null}. */
  CdsResponse call(HookCall call);
}
