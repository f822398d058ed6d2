package org.nocturne;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Recorded calls as EHRs send them: the requests under a folder ({@code hooks/}, the physician
 * panels), and the example answers in {@code hooks/} that carry cards (error cases, named {@code
 * NNN-…}, do not).
 */
public final class Examples {
  private Examples() {}

  /** Every {@code *.request.json} under {@code folder}, sorted. */
  public static Stream<Path> requestsUnder(Path folder) {
    return under(folder, p -> p.toString().endsWith(".request.json"));
  }

  /**
   * Every request under {@code folder} that reaches a service with a record, sorted: all but the
   * {@code 412-…} examples, which lack the patient.
   */
  public static List<Path> recordRequestsUnder(Path folder) {
    return requestsUnder(folder)
        .filter(p -> !p.getFileName().toString().startsWith("412"))
        .toList();
  }

  /** Every card-carrying {@code *.response.json} under {@code folder}, sorted. */
  public static Stream<Path> answersUnder(Path folder) {
    return under(
        folder,
        p ->
            p.toString().endsWith(".response.json")
                && !p.getFileName().toString().matches("\\d{3}-.*"));
  }

  private static Stream<Path> under(Path folder, Predicate<Path> which) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(which).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
