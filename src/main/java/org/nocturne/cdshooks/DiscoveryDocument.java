package org.nocturne.cdshooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The discovery response as a file ({@code hooks/discovery.json} on the classpath): served byte for
 * byte, and parsed for the prefetch templates, so there is one source of truth.
 */
public record DiscoveryDocument(byte[] bytes, Discovery discovery) {

  public static DiscoveryDocument fromClasspath(String resource) {
    try (InputStream in = DiscoveryDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "discovery document not found on the classpath: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      return new DiscoveryDocument(bytes, CdsJson.mapper().readValue(bytes, Discovery.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
