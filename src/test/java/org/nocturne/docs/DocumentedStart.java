package org.nocturne.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A documented command that starts the service, read as the shell and the tool would read it: the
 * environment it sets, the JVM options, the application's arguments, and whether it runs the {@code
 * local} profile. A {@code docker run} of our image is its jar's equivalent: the same environment
 * and arguments (the container's own flags and ports are the engine's business).
 */
record DocumentedStart(
    String where,
    String command,
    boolean local,
    Map<String, String> environment,
    List<String> jvmOptions,
    List<String> arguments) {

  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern OUR_JAR = Pattern.compile(".*nocturne-cds[^/]*\\.jar");
  private static final Pattern OUR_IMAGE = Pattern.compile("([^/]+/)*nocturne-cds(:[^ ]+)?");
  private static final Set<String> DOCKER_OPTIONS_WITH_VALUE =
      Set.of(
          "--tmpfs",
          "-p",
          "--publish",
          "--name",
          "--network",
          "-v",
          "--volume",
          "-m",
          "--memory",
          "--user",
          "-u",
          "-w",
          "--workdir",
          "--cpus",
          "--env-file");

  /** The start this command makes, if it starts the service at all. */
  static Optional<DocumentedStart> of(ShellCommands.Command command) {
    List<String> words = words(command.text());
    Map<String, String> environment = new LinkedHashMap<>();
    int i = 0;
    while (i < words.size() && ASSIGNMENT.matcher(words.get(i)).matches()) {
      String assignment = words.get(i++);
      int eq = assignment.indexOf('=');
      environment.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
    List<String> rest = words.subList(i, words.size());
    if (rest.isEmpty()) {
      return Optional.empty();
    }
    return switch (rest.get(0)) {
      case "java" -> java(command, environment, rest);
      case "docker", "podman" -> docker(command, environment, rest);
      case "./mvnw", "mvn" -> maven(command, environment, rest);
      default -> Optional.empty();
    };
  }

  private static Optional<DocumentedStart> java(
      ShellCommands.Command command, Map<String, String> environment, List<String> words) {
    int jar = words.indexOf("-jar");
    if (jar < 0 || jar + 1 >= words.size() || !OUR_JAR.matcher(words.get(jar + 1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new DocumentedStart(
            command.where(),
            command.text(),
            false,
            environment,
            List.copyOf(words.subList(1, jar)),
            List.copyOf(words.subList(jar + 2, words.size()))));
  }

  private static Optional<DocumentedStart> docker(
      ShellCommands.Command command, Map<String, String> environment, List<String> words) {
    if (words.size() < 2 || !words.get(1).equals("run")) {
      return Optional.empty();
    }
    Map<String, String> env = new LinkedHashMap<>(environment);
    int i = 2;
    while (i < words.size() && words.get(i).startsWith("-")) {
      String option = words.get(i++);
      if (option.equals("-e") || option.equals("--env")) {
        String assignment = words.get(i++);
        int eq = assignment.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              command.where() + ": -e " + assignment + " takes its value from the reader's shell");
        }
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      } else if (DOCKER_OPTIONS_WITH_VALUE.contains(option)) {
        i++;
      }
    }
    if (i >= words.size() || !OUR_IMAGE.matcher(words.get(i)).matches()) {
      return Optional.empty(); // another image: a database, a FHIR server
    }
    return Optional.of(
        new DocumentedStart(
            command.where(),
            command.text(),
            false,
            env,
            List.of(),
            List.copyOf(words.subList(i + 1, words.size()))));
  }

  private static Optional<DocumentedStart> maven(
      ShellCommands.Command command, Map<String, String> environment, List<String> words) {
    if (!words.contains("spring-boot:run")) {
      return Optional.empty();
    }
    List<String> arguments = new ArrayList<>();
    List<String> jvm = new ArrayList<>();
    for (String word : words) {
      if (word.startsWith("-Dspring-boot.run.arguments=")) {
        arguments.addAll(split(word.substring("-Dspring-boot.run.arguments=".length())));
      } else if (word.startsWith("-Dspring-boot.run.jvmArguments=")) {
        jvm.addAll(split(word.substring("-Dspring-boot.run.jvmArguments=".length())));
      }
    }
    // the plugin's configuration in pom.xml: <profiles><profile>local</profile></profiles>
    arguments.add(0, "--spring.profiles.active=local");
    return Optional.of(
        new DocumentedStart(
            command.where(), command.text(), true, environment, jvm, List.copyOf(arguments)));
  }

  private static List<String> split(String value) {
    return List.of(value.trim().split("\\s+"));
  }

  /** The words of a command line as a POSIX shell splits them (quotes, escapes, comments). */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break; // a comment to the end of the line
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** The value this start gives a property, as an argument or an environment variable. */
  Optional<String> property(String name, String environmentName) {
    String prefix = "--" + name + "=";
    for (String argument : arguments) {
      if (argument.startsWith(prefix)) {
        return Optional.of(argument.substring(prefix.length()));
      }
    }
    for (String option : jvmOptions) {
      if (option.startsWith("-D" + name + "=")) {
        return Optional.of(option.substring(name.length() + 3));
      }
    }
    return Optional.ofNullable(environment.get(environmentName));
  }
}
