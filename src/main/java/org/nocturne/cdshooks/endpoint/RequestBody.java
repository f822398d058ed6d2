package org.nocturne.cdshooks.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Reads and binds a JSON body without trusting its size, pace or content: never more than the limit
 * (and the call's budget) is read, a body that trickles in is cut off, and error messages name a
 * position or a field, never the content (it may be patient data) nor our class names.
 */
final class RequestBody {
  private static final int CHUNK = 16 * 1024;

  private RequestBody() {}

  static byte[] bytes(HttpServletRequest request, long limit) {
    return bytes(request, limit, CallBudget.unlimited(), Duration.ofSeconds(30));
  }

  static byte[] bytes(HttpServletRequest request, long limit, CallBudget budget, Duration timeout) {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
      // RFC 7694: compressed bodies are refused with 415, not misread as broken JSON
      throw CdsHooksException.unsupportedMediaType(
          "compressed request bodies (Content-Encoding) are not accepted; send plain JSON");
    }

    if (request.getContentLengthLong() > limit) {
      throw CdsHooksException.payloadTooLarge(limit);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(
              (int) Math.max(0, Math.min(limit, request.getContentLengthLong())));
      byte[] chunk = new byte[CHUNK];
      int read;
      while ((read = in.read(chunk)) != -1) {
        if (out.size() + (long) read > limit || !budget.take(read)) {
          throw CdsHooksException.payloadTooLarge(Math.min(limit, budget.limit()));
        }
        out.write(chunk, 0, read);
        if (System.nanoTime() > deadline) {
          throw CdsHooksException.requestTimeout(timeout);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (System.nanoTime() > deadline) {
        throw CdsHooksException.requestTimeout(timeout);
      }
      throw CdsHooksException.badRequest("the request body could not be read");
    }
  }

  static <T> T bind(byte[] bytes, Class<T> type) {
    T value;
    try {
      value = CdsJson.readValue(bytes, type);
    } catch (StreamConstraintsException e) {
      throw CdsHooksException.badRequest(
          "the request body has more JSON values, depth or length than this service reads");
    } catch (StreamReadException e) {
      throw CdsHooksException.badRequest("the request body is not valid JSON" + where(e));
    } catch (JacksonException e) {
      throw CdsHooksException.badRequest(
          "the request body does not match the CDS Hooks schema" + field(e));
    }
    if (value == null) {
      throw CdsHooksException.badRequest("the request body must be a JSON object");
    }
    return value;
  }

  private static String where(StreamReadException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /** The JSON path of the field ("fhirAuthorization.expires_in"), never a Java class name. */
  private static String field(JacksonException e) {
    if (!(e instanceof DatabindException databind) || databind.getPath() == null) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : databind.getPath()) {
      if (reference.getPropertyName() != null) {
        String name = reference.getPropertyName();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
          return "";
        }
        path.append(path.isEmpty() ? "" : ".").append(name);
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "" : " at " + path;
  }
}
