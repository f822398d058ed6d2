package org.nocturne.cdshooks.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After every request (every path, the 404s included): a body the application left unread is not
 * swallowed, the connection is closed instead. Tomcat otherwise reads the rest of an unread body on
 * the worker thread, at the sender's pace, before the next request: a slow sender on a path that
 * refuses it early (404, 401, 503) held a worker as long as it liked.
 */
final class UnreadBodyValve extends ValveBase {
  UnreadBodyValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    try {
      getNext().invoke(request, response);
    } finally {
      org.apache.coyote.Request coyote = request.getCoyoteRequest();
      boolean hasBody =
          coyote.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
      if (hasBody && !coyote.isFinished()) {
        coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
      }
    }
  }
}
