package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.validation.annotation.Validated;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the configuration tables of {@code docs/configuration.md} true: every key of {@code
 * application.yml} and every property of our {@code @ConfigurationProperties} records has a row,
 * each row's default is the record's {@code @DefaultValue}, its environment variable is Spring's
 * form of the name, and every record is {@code @Validated}.
 */
class ConfigurationTableTest {
  private static final Path PAGE = Path.of("docs/configuration.md");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\|(.*)$");

  /** First column of every table row of the configuration page, with the rest. */
  private static Map<String, String> rows() throws IOException {
    Matcher row = ROW.matcher(Files.readString(PAGE));
    Map<String, String> rows = new LinkedHashMap<>();
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }

  @Test
  void everyKeyOfApplicationYmlHasARow() throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    for (Object document :
        new Yaml().loadAll(Files.readString(Path.of("src/main/resources/application.yml")))) {
      flatten("", document, keys);
    }
    keys.remove("spring.config.activate.on-profile"); // selects a document, not a setting

    assertThat(keys).hasSizeGreaterThan(15);
    assertThat(rows().keySet()).containsAll(keys);
  }

  private static void flatten(String prefix, Object value, TreeSet<String> keys) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
    } else {
      keys.add(prefix);
    }
  }

  @Test
  void everyPropertyOfOurRecordsHasARowWithItsDefaultAndEnvironmentVariable() throws Exception {
    Map<String, String> rows = rows();
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    int properties = 0;
    int defaults = 0;
    for (BeanDefinition definition : scanner.findCandidateComponents("org.nocturne")) {
      Class<?> type = Class.forName(definition.getBeanClassName());
      assertThat(type.isAnnotationPresent(Validated.class)).as("%s is @Validated", type).isTrue();
      String prefix = type.getAnnotation(ConfigurationProperties.class).value();
      for (Map.Entry<String, Parameter> property : properties(prefix, type).entrySet()) {
        properties++;
        String name = property.getKey();
        assertThat(rows).as("a docs/configuration.md row for %s", name).containsKey(name);
        String row = rows.get(name);
        assertThat(row)
            .as("%s's environment variable", name)
            .contains("`" + environment(name) + "`");
        DefaultValue fallback = property.getValue().getAnnotation(DefaultValue.class);
        if (fallback != null && fallback.value().length == 1) {
          defaults++;
          assertThat(row).as("%s's default", name).contains("`" + fallback.value()[0] + "`");
        }
      }
    }
    assertThat(properties).isGreaterThan(15);
    assertThat(defaults).isGreaterThan(10);
  }

  /**
   * Property names of a record, lists of records expanded as {@code name[i].part}, each with its
   * constructor parameter (where {@code @DefaultValue} lives).
   */
  private static Map<String, Parameter> properties(String prefix, Class<?> record)
      throws NoSuchMethodException {
    Map<String, Parameter> names = new LinkedHashMap<>();
    RecordComponent[] components = record.getRecordComponents();
    Parameter[] parameters =
        record
            .getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
            .getParameters();
    for (int index = 0; index < components.length; index++) {
      RecordComponent component = components[index];
      String name = prefix + "." + kebab(component.getName());
      Type type = component.getGenericType();
      if (component.getType().isRecord()) {
        names.putAll(properties(name, component.getType()));
        continue;
      }
      if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
        Type element = list.getActualTypeArguments()[0];
        if (element instanceof Class<?> c && c.isRecord()) {
          names.putAll(properties(name + "[i]", c));
          continue;
        }
        name = name + (prefix.endsWith("]") ? "[j]" : "[i]");
      }
      names.put(name, parameters[index]);
    }
    return names;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Spring's environment-variable form: dashes dropped, dots and indexes to underscores. */
  static String environment(String property) {
    return property
        .replace("-", "")
        .replace("[i]", "_0")
        .replace("[j]", "_0")
        .replace('.', '_')
        .toUpperCase(Locale.ROOT);
  }
}
