package dev.conduit.agent.openai;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reads of provider JSON. Real payloads drift from the spec ({@code null} where an object
 * is due, numbers as strings, {@code "type": ""}), so every read checks the node's kind and never
 * throws.
 */
final class Fields {
  private Fields() {}

  static Optional<JsonNode> obj(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isObject() ? Optional.of(v) : Optional.empty();
  }

  /** The elements of an array field, none when it is missing or not an array; read in place, not copied. */
  static Iterable<JsonNode> elements(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isArray() ? v : List.of();
  }

  /** A string field; numbers and booleans are given as their text, {@code null} and objects as empty. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !(v.isString() || v.isNumber() || v.isBoolean())) {
      return Optional.empty();
    }
    return Optional.of(v.asString());
  }

  static String textOr(JsonNode node, String field, String fallback) {
    return text(node, field).orElse(fallback);
  }

  /** A non-empty string field. */
  static Optional<String> nonEmpty(JsonNode node, String field) {
    return text(node, field).filter(s -> !s.isEmpty());
  }

  static long count(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null) {
      return 0;
    }
    if (v.isNumber()) {
      return Math.max(0, v.asLong());
    }
    if (v.isString()) {
      try {
        return Math.max(0, Long.parseLong(v.asString().trim()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  static Optional<Integer> index(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isIntegralNumber() ? Optional.of(v.asInt()) : Optional.empty();
  }
}
