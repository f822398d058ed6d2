package org.nocturne.cdshooks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Reads and binds a JSON body without trusting its size or content: never more than the limit is
 * read, and error messages name a position or a field, never the content (it may be patient data).
 */
final class RequestBody {
  private RequestBody() {}

  static byte[] bytes(HttpServletRequest request, long limit) {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
      // RFC 7694: compressed bodies are refused with 415, not misread as broken JSON
      throw CdsHooksException.unsupportedMediaType(
          "compressed request bodies (Content-Encoding) are not accepted; send plain JSON");
    }
    if (request.getContentLengthLong() > limit) {
      throw CdsHooksException.payloadTooLarge(limit);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw CdsHooksException.payloadTooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw CdsHooksException.badRequest("the request body could not be read");
    }
  }

  static <T> T bind(byte[] bytes, Class<T> type) {
    T value;
    try {
      value = CdsJson.mapper().readValue(bytes, type);
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

  private static String field(JacksonException e) {
    String path = e.getPathReference();
    return path == null || path.isBlank() ? "" : " at " + CdsHooksException.safe(path);
  }
}
