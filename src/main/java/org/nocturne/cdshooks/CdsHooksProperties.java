package org.nocturne.cdshooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.cds-hooks.*}: limits of the protocol endpoints.
 *
 * @param maxRequestBytes bodies above this answer 413 (default 5 MiB)
 * @param maxCallBytes everything one call reads, its body and every page fetched for it together
 *     (default 16 MiB); fetching stops when it is spent
 * @param maxConcurrentCalls calls served at once; more wait (see {@code maxCallWait}) (default 0:
 *     derived from the heap, one call per four call budgets of heap, at least 2)
 * @param maxCallWait how long a call over {@code maxConcurrentCalls} waits for its turn, its body
 *     unread, before it answers 503 with {@code Retry-After} (default 2 s: 16 connections to a pod
 *     with a cap of 4 are served, not refused)
 * @param bodyReadTimeout the longest a request body may take to arrive (default 10 s); slower ones
 *     answer 408 and the connection is closed
 * @param feedbackLogCapacity feedback items kept in memory (default 10,000)
 * @param warmUp how long the contract's example calls are rehearsed after start-up, readiness down
 *     meanwhile, so the first EHR calls find the call's code compiled (default 60 s, cut short by
 *     an EHR's call; 0 for none)
 */
@Validated
@ConfigurationProperties("nocturne.cds-hooks")
public record CdsHooksProperties(
    @DefaultValue("5242880") @Min(1024) @Max(Integer.MAX_VALUE - 1) long maxRequestBytes,
    @DefaultValue("16777216") @Min(1024) long maxCallBytes,
    @DefaultValue("0") @Min(0) int maxConcurrentCalls,
    @DefaultValue("10s") Duration bodyReadTimeout,
    @DefaultValue("10000") @Min(1) int feedbackLogCapacity,
    @DefaultValue("2s") Duration maxCallWait,
    @DefaultValue("60s") Duration warmUp) {

  /** The configured cap, or one derived from the heap the JVM may use. */
  public int concurrentCalls(long maxHeapBytes) {
    if (maxConcurrentCalls > 0) {
      return maxConcurrentCalls;
    }
    long derived = maxHeapBytes / (4 * maxCallBytes);
    return (int) Math.max(2, Math.min(200, derived));
  }
}
