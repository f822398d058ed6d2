package org.nocturne.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a Kustomize directory: with {@code kubectl kustomize} when it is installed, otherwise by
 * the subset of Kustomize this project's manifests use (resources, components, namespace, images
 * and strategic-merge patches, lists of named items merged by name). {@code DeployManifestsTest}
 * checks that both give the same documents wherever kubectl exists.
 */
final class Kustomization {
  private Kustomization() {}

  static boolean kubectlAvailable() {
    try {
      Process process =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The rendered multi-document YAML. */
  static String render(Path directory) {
    return kubectlAvailable() ? withKubectl(directory) : assemble(directory);
  }

  static String withKubectl(Path directory) {
    try {
      Process process =
          new ProcessBuilder("kubectl", "kustomize", directory.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + directory + " failed");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String assemble(Path directory) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> document : documents(directory)) {
      if (!out.isEmpty()) {
        out.append("---\n");
      }
      out.append(new Yaml().dump(document));
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(Path directory) {
    Map<String, Object> kustomization = load(directory.resolve("kustomization.yaml")).get(0);
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object resource : list(kustomization.get("resources"))) {
      Path path = directory.resolve((String) resource).normalize();
      documents.addAll(Files.isDirectory(path) ? documents(path) : load(path));
    }
    // a Component's resources join the including kustomization's, before its patches
    for (Object component : list(kustomization.get("components"))) {
      documents.addAll(documents(directory.resolve((String) component).normalize()));
    }
    for (Object entry : list(kustomization.get("patches"))) {
      Path path = directory.resolve((String) ((Map<String, Object>) entry).get("path"));
      for (Map<String, Object> patch : load(path)) {
        Map<String, Object> target =
            documents.stream()
                .filter(doc -> Objects.equals(doc.get("kind"), patch.get("kind")))
                .filter(doc -> Objects.equals(name(doc), name(patch)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("patch " + path + " has no target"));
        merge(target, patch);
      }
    }
    for (Object entry : list(kustomization.get("images"))) {
      Map<String, Object> image = (Map<String, Object>) entry;
      for (Map<String, Object> doc : documents) {
        for (Map<String, Object> container : containers(doc)) {
          String current = (String) container.get("image");
          String bare =
              current.contains(":") ? current.substring(0, current.indexOf(':')) : current;
          if (bare.equals(image.get("name"))) {
            container.put("image", image.get("newName") + ":" + image.get("newTag"));
          }
        }
      }
    }
    Object namespace = kustomization.get("namespace");
    if (namespace != null) {
      // as Kustomize: a cluster-scoped object (the Namespace itself) takes no namespace
      documents.stream()
          .filter(doc -> !"Namespace".equals(doc.get("kind")))
          .forEach(doc -> ((Map<String, Object>) doc.get("metadata")).put("namespace", namespace));
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(Map<String, Object> doc) {
    Object spec = doc.get("spec");
    if (!(spec instanceof Map<?, ?> s) || !(s.get("template") instanceof Map<?, ?> template)) {
      return List.of();
    }
    Object podSpec = template.get("spec");
    return podSpec instanceof Map<?, ?> p && p.get("containers") instanceof List<?> list
        ? (List<Map<String, Object>>) list
        : List.of();
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      Object current = target.get(entry.getKey());
      Object change = entry.getValue();
      if (current instanceof Map<?, ?> currentMap && change instanceof Map<?, ?> changeMap) {
        merge((Map<String, Object>) currentMap, (Map<String, Object>) changeMap);
      } else if (current instanceof List<?> currentList
          && change instanceof List<?> changeList
          && named(currentList)
          && named(changeList)) {
        for (Object item : changeList) {
          Map<String, Object> changed = (Map<String, Object>) item;
          currentList.stream()
              .map(existing -> (Map<String, Object>) existing)
              .filter(existing -> Objects.equals(existing.get("name"), changed.get("name")))
              .findFirst()
              .ifPresentOrElse(
                  existing -> merge(existing, changed),
                  () -> ((List<Object>) currentList).add(changed));
        }
      } else {
        target.put(entry.getKey(), change);
      }
    }
  }

  private static boolean named(List<?> list) {
    return !list.isEmpty()
        && list.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") != null);
  }

  private static Object name(Map<String, Object> doc) {
    return ((Map<?, ?>) doc.get("metadata")).get("name");
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> load(Path path) {
    try {
      List<Map<String, Object>> documents = new ArrayList<>();
      for (Object document : new Yaml().loadAll(Files.readString(path))) {
        if (document != null) {
          documents.add(new LinkedHashMap<>((Map<String, Object>) document));
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parse(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(yaml)) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }
}
