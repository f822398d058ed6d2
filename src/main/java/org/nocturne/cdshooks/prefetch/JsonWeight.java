package org.nocturne.cdshooks.prefetch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An estimate of the heap a JSON tree holds, for bounding caches in bytes rather than entries: a
 * cache of 10,000 fetched records of up to 16 MiB each is not a bound.
 */
final class JsonWeight {
  /** Object header, references and map slot of one node, roughly. */
  private static final int PER_NODE = 48;

  private JsonWeight() {}

  static long bytes(JsonNode root) {
    long total = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      total += PER_NODE;
      if (node.isString()) {
        total += node.asString().length();
      } else if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          total += field.getKey().length() + PER_NODE;
          pending.push(field.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
    return total;
  }
}
