package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Memory a caller can grow is bounded in bytes, and exhaustion shows in health (issue 19.4). */
class MemoryBoundsTest {

  @Test
  void healthIsDownWhenTheHeapIsStillFullAfterACollection() {
    long max = 256L * 1024 * 1024;

    assertThat(new MemoryHealth(() -> new MemoryUsage(0, max - 1, max, max)).health().getStatus())
        .isEqualTo(Status.DOWN);
    assertThat(new MemoryHealth(() -> new MemoryUsage(0, max / 2, max, max)).health().getStatus())
        .isEqualTo(Status.UP);
    assertThat(new MemoryHealth().health().getStatus()).isEqualTo(Status.UP);
  }
}
