package org.nocturne.cdshooks.endpoint;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nocturne.NocturneApplication;
import org.nocturne.bench.RealisticRecord;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of one {@code RawCallBenchmark} call as the calling thread's CPU time and allocated
 * bytes (ThreadMXBean), which stay meaningful on a loaded machine where wall-clock time does not:
 * {@code java -cp ... org.nocturne.cdshooks.endpoint.CallCost [small|realistic] [warm-up s]
 * [batches]}. Each batch is 500 calls; the median and the lowest batch are printed.
 */
public final class CallCost {
  private CallCost() {}

  public static void main(String[] args) throws Exception {
    String record = args.length > 0 ? args[0] : "small";
    int warmSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int batches = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int perBatch = 500;
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(NocturneApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "nocturne.state=memory",
                "nocturne.security.public-base-url=https://cds.example.org",
                "nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org",
                "nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks.json",
                "logging.level.org.nocturne=WARN",
                "spring.main.banner-mode=off")
            .run();
    try {
      CdsHooksController controller = context.getBean(CdsHooksController.class);
      byte[] body =
          (record.startsWith("realistic")
                  ? RealisticRecord.request()
                  : Files.readString(
                      Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")))
              .getBytes(StandardCharsets.UTF_8);
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      long warmEnd = System.nanoTime() + warmSeconds * 1_000_000_000L;
      long sink = 0;
      while (System.nanoTime() < warmEnd) {
        sink += call(controller, body);
      }
      double[] cpu = new double[batches];
      double[] alloc = new double[batches];
      for (int b = 0; b < batches; b++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long a0 = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < perBatch; i++) {
          sink += call(controller, body);
        }
        cpu[b] = (threads.getCurrentThreadCpuTime() - c0) / (double) perBatch / 1000.0;
        alloc[b] = (threads.getThreadAllocatedBytes(id) - a0) / (double) perBatch;
      }
      Arrays.sort(cpu);
      Arrays.sort(alloc);
      System.out.printf(
          Locale.ROOT,
          "%s: CPU per call median %.1f us (lowest batch %.1f), allocated per call median %.0f B"
              + " (lowest %.0f); load %s; %d%n",
          record,
          cpu[batches / 2],
          cpu[0],
          alloc[batches / 2],
          alloc[0],
          Files.readString(Path.of("/proc/loadavg")).trim(),
          sink % 2);
    } finally {
      context.close();
    }
  }

  private static int call(CdsHooksController controller, byte[] body) {
    return controller
        .invoke("nocturnal-leg-pain", new RawCallBenchmark.BulkReadRequest(body))
        .getBody()
        .length;
  }
}
