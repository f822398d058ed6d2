package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every admin token given as an example in deploy/ or the README is one the start refuses. */
class KnownExampleTokensTest {
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?:NOCTURNE_ADMIN_TOKEN|nocturne\\.admin\\.token)\\s*[:=]\\s*[\"']?([^\\s\"'`|$]+)");

  @Test
  void everyPublishedExampleIsRefused() throws IOException {
    Set<String> examples = new TreeSet<>();
    for (String folder : new String[] {"deploy", "docs"}) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          collect(Files.readString(file), examples);
        }
      }
    }
    collect(Files.readString(Path.of("README.md")), examples);

    assertThat(examples).isNotEmpty();
    assertThat(SecurityStartupCheck.EXAMPLE_TOKENS).containsAll(examples);
  }

  private static void collect(String text, Set<String> into) {
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1).toLowerCase(Locale.ROOT));
    }
  }
}
