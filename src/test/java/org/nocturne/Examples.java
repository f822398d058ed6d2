package org.nocturne;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The example answers in {@code hooks/} that carry cards (error cases, named {@code NNN-…}, do
 * not).
 */
public final class Examples {
  private Examples() {}

  /** Every card-carrying {@code *.response.json} under {@code folder}, sorted. */
  public static Stream<Path> answersUnder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(
              p ->
                  p.toString().endsWith(".response.json")
                      && !p.getFileName().toString().matches("\\d{3}-.*"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
