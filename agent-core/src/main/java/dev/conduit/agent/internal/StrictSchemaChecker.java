package dev.conduit.agent.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a schema against the subset of JSON Schema that OpenAI documents for strict mode
 * (Structured Outputs, "Supported schemas"), so that a schema the API would refuse is caught before
 * any request: the keywords it allows, {@code additionalProperties: false} and a complete
 * {@code required} on every object, no {@code anyOf} at the root, the supported string formats, and
 * the documented size limits.
 */
final class StrictSchemaChecker {
  static final int MAX_PROPERTIES = 5_000;
  static final int MAX_NESTING = 10;
  static final int MAX_STRING_LENGTH = 120_000;
  static final int MAX_ENUM_VALUES = 1_000;
  static final int LARGE_ENUM = 250;
  static final int MAX_LARGE_ENUM_LENGTH = 15_000;

  private static final Set<String> COMMON = Set.of("description", "title", "$ref", "anyOf", "type", "enum", "const");
  private static final Set<String> OBJECT = Set.of("properties", "required", "additionalProperties");
  private static final Set<String> ARRAY = Set.of("items", "minItems", "maxItems");
  private static final Set<String> STRING = Set.of("pattern", "format");
  private static final Set<String> NUMBER =
      Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
  private static final Set<String> ROOT_ONLY = Set.of("$defs", "$schema", "$id");
  private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "null");
  private static final Set<String> FORMATS =
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  private final JsonNode root;
  private final List<String> violations = new ArrayList<>();
  private final Set<String> definitions = new HashSet<>();
  private int properties;
  private int stringLength;
  private int enumValues;

  StrictSchemaChecker(JsonNode root) {
    this.root = root;
  }

  List<String> violations() {
    JsonNode defs = root.path("$defs");
    defs.propertyNames().forEach(name -> {
      definitions.add("#/$defs/" + name);
      stringLength += name.length();
    });
    if (!root.path("type").asString("").equals("object")) {
      violations.add("$: the root must be {\"type\": \"object\"} in strict mode");
    }
    check(root, "$", 1, true);
    defs.properties().forEach(e -> check(e.getValue(), "$.$defs." + e.getKey(), 1, false));
    if (properties > MAX_PROPERTIES) {
      violations.add("$: " + properties + " object properties in total, more than the " + MAX_PROPERTIES + " strict mode allows");
    }
    if (stringLength > MAX_STRING_LENGTH) {
      violations.add("$: property names, definition names, enum and const values add up to " + stringLength
          + " characters, more than the " + MAX_STRING_LENGTH + " strict mode allows");
    }
    if (enumValues > MAX_ENUM_VALUES) {
      violations.add("$: " + enumValues + " enum values in total, more than the " + MAX_ENUM_VALUES + " strict mode allows");
    }
    return List.copyOf(violations);
  }

  private void check(JsonNode schema, String path, int depth, boolean isRoot) {
    if (!schema.isObject()) {
      violations.add(path + ": a schema must be a JSON object in strict mode");
      return;
    }
    int kinds = (schema.has("type") ? 1 : 0) + (schema.has("anyOf") ? 1 : 0) + (schema.has("$ref") ? 1 : 0);
    if (kinds != 1) {
      violations.add(path + ": needs exactly one of \"type\", \"anyOf\" or \"$ref\" in strict mode"
          + (kinds == 0 ? " (a value of any type, such as Object, cannot be described)" : ""));
    }
    Set<String> types = types(schema, path);
    checkKeywords(schema, path, types, isRoot);
    checkEnum(schema, path);
    if (schema.has("const")) {
      stringLength += schema.get("const").asString("").length();
    }
    if (types.contains("object")) {
      checkObject(schema, path, depth);
    }
    if (types.contains("array")) {
      if (!schema.path("items").isObject()) {
        violations.add(path + ".items: an array needs an \"items\" schema in strict mode");
      } else {
        check(schema.get("items"), path + ".items", depth, false);
      }
    }
    if (schema.has("format") && !FORMATS.contains(schema.get("format").asString(""))) {
      violations.add(path + ".format: \"" + schema.get("format").asString("") + "\" is not supported in strict mode"
          + " (supported: " + String.join(", ", FORMATS.stream().sorted().toList()) + ")");
    }
    JsonNode anyOf = schema.path("anyOf");
    if (schema.has("anyOf")) {
      if (isRoot) {
        violations.add(path + ".anyOf: not allowed at the root in strict mode");
      }
      for (int i = 0; i < anyOf.size(); i++) {
        check(anyOf.get(i), path + ".anyOf[" + i + "]", depth, false);
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString("");
      if (!ref.equals("#") && !definitions.contains(ref)) {
        violations.add(path + ".$ref: \"" + ref + "\" does not point to the root or to an entry of $defs");
      }
    }
  }

  private Set<String> types(JsonNode schema, String path) {
    JsonNode type = schema.path("type");
    Set<String> types = new HashSet<>();
    if (type.isString()) {
      types.add(type.asString());
    } else if (type.isArray()) {
      type.valueStream().forEach(t -> types.add(t.asString("")));
    }
    for (String t : types) {
      if (!TYPES.contains(t)) {
        violations.add(path + ".type: \"" + t + "\" is not a type strict mode supports");
      }
    }
    return types;
  }

  private void checkKeywords(JsonNode schema, String path, Set<String> types, boolean isRoot) {
    for (String keyword : schema.propertyNames()) {
      boolean allowed = COMMON.contains(keyword)
          || (isRoot && ROOT_ONLY.contains(keyword))
          || (types.contains("object") && OBJECT.contains(keyword))
          || (types.contains("array") && ARRAY.contains(keyword))
          || (types.contains("string") && STRING.contains(keyword))
          || ((types.contains("number") || types.contains("integer")) && NUMBER.contains(keyword));
      if (!allowed) {
        violations.add(path + "." + keyword + ": not supported in strict mode"
            + (keyword.equals("additionalProperties") ? "" : types.isEmpty() ? "" : " for type " + String.join("/", types.stream().sorted().toList())));
      }
    }
  }

  private void checkObject(JsonNode schema, String path, int depth) {
    if (depth > MAX_NESTING) {
      violations.add(path + ": objects nested " + depth + " levels deep, more than the " + MAX_NESTING + " strict mode allows");
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional == null || !additional.isBoolean() || additional.asBoolean()) {
      violations.add(path + ".additionalProperties: must be false in strict mode"
          + (additional != null && additional.isObject() ? " (a Map's values cannot be described)" : ""));
    }
    JsonNode props = schema.path("properties");
    Set<String> required = new HashSet<>();
    schema.path("required").valueStream().forEach(r -> required.add(r.asString("")));
    List<String> missing = new ArrayList<>();
    props.properties().forEach(e -> {
      properties++;
      stringLength += e.getKey().length();
      if (!required.contains(e.getKey())) {
        missing.add(e.getKey());
      }
      check(e.getValue(), path + ".properties." + e.getKey(), depth + 1, false);
    });
    if (!missing.isEmpty()) {
      violations.add(path + ".required: must list every property in strict mode; missing " + String.join(", ", missing));
    }
  }

  private void checkEnum(JsonNode schema, String path) {
    JsonNode values = schema.path("enum");
    if (!values.isArray()) {
      return;
    }
    enumValues += values.size();
    int length = values.valueStream().mapToInt(v -> v.asString("").length()).sum();
    stringLength += length;
    if (values.size() > LARGE_ENUM && length > MAX_LARGE_ENUM_LENGTH) {
      violations.add(path + ".enum: " + values.size() + " values of " + length + " characters in total; strict mode allows at most "
          + MAX_LARGE_ENUM_LENGTH + " characters in an enum of more than " + LARGE_ENUM + " values");
    }
  }
}
