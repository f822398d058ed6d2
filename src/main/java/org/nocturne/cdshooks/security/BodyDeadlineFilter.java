package org.nocturne.cdshooks.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ahead of all dispatch, on every path: a request with a body takes one of a fixed number of
 * permits for as long as it is served, and its body must arrive before a deadline counted from the
 * request's start. Tomcat reads a body on the worker thread, and its {@code connection-timeout}
 * bounds one read, not the body: a client sending a byte every few seconds held a worker for hours.
 * Now at most {@code maxConcurrentBodies} workers wait for bodies (the rest answer 503 at once),
 * each at most the deadline plus one read, so {@code /livez} and calls without a body always find a
 * worker. {@link UnreadBodyValve} closes the connection of a body left unread instead of letting
 * Tomcat swallow it at the sender's pace.
 */
final class BodyDeadlineFilter extends OncePerRequestFilter {
  /** The body did not arrive before the deadline. */
  static final class BodyTimeout extends IOException {
    BodyTimeout() {
      super("the request body did not arrive in time", null);
    }
  }

  /** An unread rest read on a worker, at most: Tomcat's own {@code max-swallow-size}. */
  private static final long MAX_DRAIN = 64 * 1024;

  private final Semaphore permits;
  private final Duration timeout;

  BodyDeadlineFilter(HttpLimitsProperties limits) {
    this.permits = new Semaphore(limits.maxConcurrentBodies());
    this.timeout = limits.bodyReadTimeout();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (!permits.tryAcquire()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "1");
      response.setHeader("Connection", "close");
      return;
    }
    Timed timed = new Timed(request, System.nanoTime() + timeout.toNanos());
    try {
      chain.doFilter(timed, response);
      drain(timed);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!timedOut(e)) {
        throw e;
      }
      if (!response.isCommitted()) {
        response.reset();
        response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
        response.setHeader("Connection", "close");
      }
    } finally {
      permits.release();
    }
  }

  /**
   * Reads the rest of a small body (at most {@link #MAX_DRAIN} left, its length announced), within
   * the request's deadline and still under its permit, so that a client whose body was refused
   * unread (a 401, a 404) keeps its connection. A larger body, one of unknown length, or one past
   * the deadline is left to {@link UnreadBodyValve}, which closes the connection.
   */
  private static void drain(Timed request) {
    long length = request.getContentLengthLong();
    // read to its end (most calls): nothing to drain, and reading the closed stream would throw
    if (length <= 0 || request.consumed() >= length || length - request.consumed() > MAX_DRAIN) {
      return;
    }
    try {
      ServletInputStream in = request.getInputStream();
      byte[] buffer = new byte[8192];
      while (in.read(buffer) != -1) {
        // discarded
      }
    } catch (IOException | IllegalStateException e) {
      // read as a Reader or parameters, past the deadline or broken: the valve closes it
    }
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean timedOut(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTimeout) {
        return true;
      }
    }
    return false;
  }

  /** The request whose body fails once its deadline has passed. */
  private static final class Timed extends HttpServletRequestWrapper {
    private final long deadline;
    private ServletInputStream stream;

    Timed(HttpServletRequest request, long deadline) {
      super(request);
      this.deadline = deadline;
    }

    /** Bytes of the body read so far (through this wrapper). */
    long consumed() {
      return stream == null ? 0 : ((TimedStream) stream).consumed;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new TimedStream(super.getInputStream(), deadline);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class TimedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long deadline;
    private long consumed;

    TimedStream(ServletInputStream in, long deadline) {
      this.in = in;
      this.deadline = deadline;
    }

    private void check() throws BodyTimeout {
      if (System.nanoTime() > deadline) {
        throw new BodyTimeout();
      }
    }

    @Override
    public int read() throws IOException {
      check();
      int read = in.read();
      check();
      if (read >= 0) {
        consumed++;
      }
      return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      int read = in.read(buffer, offset, length);
      check();
      if (read > 0) {
        consumed += read;
      }
      return read;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
