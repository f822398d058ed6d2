package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the filter reads of a body after the call: only a rest left unread, never a read body. */
class BodyDeadlineFilterTest {
  private static final byte[] BODY = "{\"hook\":\"patient-view\"}".getBytes(StandardCharsets.UTF_8);

  private final BodyDeadlineFilter filter =
      new BodyDeadlineFilter(new HttpLimitsProperties(4, Duration.ofSeconds(10)));

  @Test
  void aBodyReadToItsEndIsNotReadAgain() throws Exception {
    Body body = new Body();
    filter.doFilter(
        body.request(),
        new MockHttpServletResponse(),
        (request, response) -> {
          try (InputStream in = request.getInputStream()) {
            in.readAllBytes();
          }
        });

    assertThat(body.readsAfterClose).isZero();
  }

  @Test
  void aBodyLeftUnreadIsDrainedSoTheConnectionStays() throws Exception {
    Body body = new Body();
    filter.doFilter(body.request(), new MockHttpServletResponse(), (request, response) -> {});

    assertThat(body.stream.available()).isZero();
    assertThat(body.readsAfterClose).isZero();
  }

  @Test
  void aBodyPartlyReadIsDrainedToItsEnd() throws Exception {
    Body body = new Body();
    filter.doFilter(
        body.request(),
        new MockHttpServletResponse(),
        (request, response) -> request.getInputStream().read(new byte[5]));

    assertThat(body.stream.available()).isZero();
  }

  /** A body whose stream, like Tomcat's, must not be read once closed: it counts such reads. */
  private static final class Body {
    private final ByteArrayInputStream stream = new ByteArrayInputStream(BODY);
    private boolean closed;
    private int readsAfterClose;

    HttpServletRequest request() {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/x");
      request.setContentType("application/json");
      request.setContent(BODY);
      ServletInputStream in =
          new ServletInputStream() {
            @Override
            public int read() throws IOException {
              check();
              return stream.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
              check();
              return stream.read(buffer, offset, length);
            }

            private void check() throws IOException {
              if (closed) {
                readsAfterClose++;
                throw new IOException("Stream closed");
              }
            }

            @Override
            public void close() {
              closed = true;
            }

            @Override
            public boolean isFinished() {
              return stream.available() == 0;
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
              throw new UnsupportedOperationException();
            }
          };
      return new HttpServletRequestWrapper(request) {
        @Override
        public ServletInputStream getInputStream() {
          return in;
        }
      };
    }
  }
}
