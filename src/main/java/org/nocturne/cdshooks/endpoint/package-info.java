/**
 * The SDK's HTTP side, above the wire kernel, {@code prefetch} and {@code security}: the three
 * endpoints, the invoker that validates a call, resolves its prefetch, runs the service and passes
 * its answer through the go-live gate ({@code CardGate}: shadow mode, pilot group, kill switch),
 * the limits on concurrent calls and slow bodies, the feedback recorder, metrics, the mapping of
 * every failure to an OperationOutcome, and the Spring wiring of it all. Nothing else depends on
 * this package (ADR 0003).
 *
 * <p>Part of the SDK: no leg-pain knowledge here (ADR 0001).
 */
package org.nocturne.cdshooks.endpoint;
