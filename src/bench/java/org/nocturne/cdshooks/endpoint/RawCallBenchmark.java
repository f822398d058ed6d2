package org.nocturne.cdshooks.endpoint;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nocturne.NocturneApplication;
import org.nocturne.bench.RealisticRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * One {@code nocturnal-leg-pain} call from the request's bytes to the response's bytes, through the
 * real controller and invoker of the whole application context (body read within the call budget,
 * bound, validated, prefetch resolved, record parsed and mapped, assessed, cards rendered, audited,
 * response written): everything but HTTP and the JWT (JwtBenchmark), for the realistic 54 KB record
 * and the small 8 KB one with a questionnaire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RawCallBenchmark {
  private static final String SERVICE = "nocturnal-leg-pain";

  @Param({"realistic-54KB", "small-8KB"})
  public String record;

  private ConfigurableApplicationContext context;
  private CdsHooksController controller;
  private byte[] body;

  @Setup
  public void setUp() throws Exception {
    context =
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
    controller = context.getBean(CdsHooksController.class);
    body =
        (record.startsWith("realistic")
                ? RealisticRecord.request()
                : Files.readString(Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")))
            .getBytes(StandardCharsets.UTF_8);
    if (requestBytesToResponseBytes().length < 10) {
      throw new IllegalStateException("no answer");
    }
  }

  @TearDown
  public void tearDown() {
    context.close();
  }

  @Benchmark
  public byte[] requestBytesToResponseBytes() {
    MockHttpServletRequest request = new BulkReadRequest(body);
    return controller.invoke(SERVICE, request).getBody();
  }

  /**
   * The mock request's own stream reads one byte per call whatever the buffer (so the body read
   * took half of a 54 KB call); Tomcat's stream fills the buffer, as this one does.
   */
  private static final class BulkReadRequest extends MockHttpServletRequest {
    private final byte[] body;

    BulkReadRequest(byte[] body) {
      super("POST", "/cds-services/" + SERVICE);
      this.body = body;
      setContentType("application/json");
      setContent(body);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }
  }
}
