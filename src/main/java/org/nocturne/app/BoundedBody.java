package org.nocturne.app;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, never more: a larger one is refused, not buffered. */
final class BoundedBody {
  /** The body was larger than the limit. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super("request body over the limit", null, false, false);
    }
  }

  private BoundedBody() {}

  static byte[] read(HttpServletRequest request, int limit) throws IOException, TooLarge {
    if (request.getContentLengthLong() > limit) {
      throw new TooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new TooLarge();
      }
      return body;
    }
  }
}
