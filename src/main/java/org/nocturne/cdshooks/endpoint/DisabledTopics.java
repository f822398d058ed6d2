package org.nocturne.cdshooks.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.TopicCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill switch: topic codes whose cards are never shown. The list is {@code
 * nocturne.cards.disabled-topics} plus, when configured, a file read again when it changes (a
 * Kubernetes ConfigMap mounted as a file is updated in place), so a misbehaving rule can be
 * silenced without a release or a restart. The active list is logged at start and on every change.
 */
final class DisabledTopics {
  private static final Logger log = LoggerFactory.getLogger(DisabledTopics.class);

  /** How often the file's modification time is looked at; a stat per call would be wasted. */
  static final Duration RECHECK = Duration.ofSeconds(2);

  private final Set<String> configured;
  private final Path file;
  private final Clock clock;
  private Set<String> fromFile = Set.of();
  private FileTime seen;
  private volatile Instant nextCheck = Instant.MIN;
  private volatile Set<String> active;

  DisabledTopics(Collection<String> configured, Path file, Clock clock) {
    this.configured = normalised(configured);
    this.file = file;
    this.clock = clock;
    this.active = this.configured;
    refresh(true);
  }

  /** Whether cards about this topic code (either form) are switched off now. */
  boolean disabled(Coding topic) {
    return topic != null && topic.code() != null && active().contains(normalise(topic.code()));
  }

  /** The codes switched off now, in lowerCamelCase. */
  Set<String> active() {
    // every call reads this: only the one that finds the interval over takes the lock
    if (file != null && !clock.instant().isBefore(nextCheck)) {
      refresh(false);
    }
    return active;
  }

  private synchronized void refresh(boolean atStart) {
    Instant now = clock.instant();
    if (!atStart && now.isBefore(nextCheck)) {
      return;
    }
    nextCheck = now.plus(RECHECK);
    if (file != null) {
      try {
        FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        if (atStart || !Objects.equals(modified, seen)) {
          fromFile = modified == null ? Set.of() : normalised(read(file));
          if (modified == null) {
            log.warn(
                "nocturne.cards.disabled-topics-file {} does not exist: no topic from it", file);
          }
          seen = modified;
        }
      } catch (IOException | RuntimeException e) {
        // keep the last list read: a half-written file must not switch a topic back on
        log.warn(
            "nocturne.cards.disabled-topics-file {} not read, keeping the last list: {}",
            file,
            e.toString());
      }
    }
    Set<String> next = new TreeSet<>(configured);
    next.addAll(fromFile);
    next = Set.copyOf(next);
    if (atStart || !next.equals(active)) {
      log.info(
          "{} disabled topics (cards never shown, counted as suppressed): {}",
          atStart ? "start:" : "changed:",
          next.isEmpty() ? "none" : new TreeSet<>(next));
    }
    active = next;
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(line -> line.replaceAll("#.*", ""))
        .flatMap(line -> Arrays.stream(line.split(",")))
        .map(String::trim)
        .filter(code -> !code.isEmpty())
        .toList();
  }

  private static Set<String> normalised(Collection<String> codes) {
    Set<String> set = new TreeSet<>();
    codes.forEach(code -> set.add(normalise(code)));
    return Set.copyOf(set);
  }

  /** Both spellings are one topic (the contract renamed the codes; both are read). */
  static String normalise(String code) {
    return TopicCodes.currentSpelling(code);
  }
}
