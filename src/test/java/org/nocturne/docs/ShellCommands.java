package org.nocturne.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell commands a reader copies from the documentation: every line of a fenced block in a
 * Markdown file (continuation lines joined), and the commented commands in the header of a
 * Dockerfile or a configuration file.
 */
final class ShellCommands {
  private static final Pattern FENCE = Pattern.compile("^\\s*```.*");

  private ShellCommands() {}

  /** One command as written, and where: {@code file:line}. */
  record Command(String text, String where) {}

  /** The Markdown pages and Dockerfiles a newcomer reads, under the repository root. */
  static List<Path> documentation(Path root) {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    files.add(root.resolve("deploy/README.md"));
    files.add(root.resolve("deploy/Dockerfile"));
    for (String folder : List.of("docs", "src/docs")) {
      Path dir = root.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(path -> path.toString().endsWith(".md") || path.toString().endsWith(".yml"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files.stream().filter(Files::isRegularFile).toList();
  }

  static List<Command> in(Path file, Path root) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = root.relativize(file).toString();
    // a Dockerfile or a configuration file documents its start in its header comment
    return name.endsWith(".md") ? fenced(lines, name, 0) : dockerfileHeader(lines, name);
  }

  private static List<Command> fenced(List<String> lines, String name, int lineOffset) {
    List<Command> commands = new ArrayList<>();
    boolean inside = false;
    StringBuilder pending = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).matches()) {
        inside = !inside;
        pending = null;
        continue;
      }
      if (!inside) {
        continue;
      }
      if (pending == null) {
        pending = new StringBuilder();
        start = i + 1 + lineOffset;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      commands.add(new Command(pending.toString().trim(), name + ":" + start));
      pending = null;
    }
    return commands;
  }

  /** The header: comment lines before the first instruction, {@code #} and indent removed. */
  private static List<Command> dockerfileHeader(List<String> lines, String name) {
    List<String> header = new ArrayList<>();
    header.add("```");
    for (String line : lines) {
      if (!line.startsWith("#")) {
        break;
      }
      header.add(line.substring(1));
    }
    header.add("```");
    // the opening fence added above is not a line of the file
    return fenced(header, name, -1);
  }
}
