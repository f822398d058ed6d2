package org.nocturne.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;

/**
 * Every JSON body sent to the demo (its FHIR server, its chart's endpoints) is read here first, at
 * most {@value #MAX_BYTES} bytes, and through the service's bounded reader ({@link
 * CdsJson#readTree}) before HAPI's server or Spring parses it: a {@code valueDecimal} of {@code
 * 1e999999999} written to the demo FHIR server would otherwise become a billion-digit number in
 * HAPI's parser.
 */
final class DemoJsonBounds extends OncePerRequestFilter {
  static final int MAX_BYTES = 1 << 20;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean json = type != null && type.toLowerCase().contains("json");
    if (!json || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BYTES + 1);
    }
    if (body.length > MAX_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    if (body.length > 0) {
      try {
        CdsJson.readTree(body);
      } catch (JacksonException e) {
        response.sendError(
            HttpServletResponse.SC_BAD_REQUEST,
            "The body is not JSON within this server's limits (depth, length, numbers).");
        return;
      }
    }
    chain.doFilter(new Replayed(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() != 0
        && !"GET".equals(request.getMethod())
        && !"HEAD".equals(request.getMethod());
  }

  /** The request with its body, already read, read again. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
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
          throw new UnsupportedOperationException("read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              new ByteArrayInputStream(body),
              encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
  }
}
