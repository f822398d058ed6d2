package org.nocturne.cdshooks.endpoint;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health DOWN when the heap is exhausted: what is still in use right after a full collection is
 * above {@link #EXHAUSTED} of the maximum. A service that answers every large call with an error
 * while health says UP is never restarted; this one is (the liveness probe includes it).
 */
final class MemoryHealth implements HealthIndicator {
  /** Heap still used after a collection, as a share of the maximum, that counts as exhausted. */
  static final double EXHAUSTED = 0.95;

  private final Supplier<MemoryUsage> afterCollection;

  MemoryHealth() {
    this(MemoryHealth::oldGenerationAfterLastCollection);
  }

  MemoryHealth(Supplier<MemoryUsage> afterCollection) {
    this.afterCollection = afterCollection;
  }

  @Override
  public Health health() {
    MemoryUsage usage = afterCollection.get();
    if (usage == null || usage.getMax() <= 0) {
      return Health.up().build();
    }
    double share = (double) usage.getUsed() / usage.getMax();
    Health.Builder health = share > EXHAUSTED ? Health.down() : Health.up();
    return health.withDetail("heapUsedAfterLastCollection", Math.round(share * 100) + "%").build();
  }

  /** The tenured pool's usage after its last collection (null before the first one). */
  private static MemoryUsage oldGenerationAfterLastCollection() {
    MemoryUsage largest = null;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
        MemoryUsage usage = pool.getCollectionUsage();
        if (usage != null && (largest == null || usage.getMax() > largest.getMax())) {
          largest = usage;
        }
      }
    }
    return largest;
  }
}
