package dev.conduit.agent.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas for Java types, the one place where the victools generator is configured: Draft
 * 2020-12, Jackson's view of properties and enum names, {@code $defs} hoisted to the root, objects
 * closed with {@code additionalProperties: false}, and (in {@link Mode#STRICT}) every property
 * required, with optional ones nullable, as OpenAI's strict mode asks.
 *
 * <pre>{@code
 * String schema = JsonSchemas.strictSchemaFor(WeatherReport.class);
 * }</pre>
 *
 * <p>Not part of the public API. Thread-safe: the generators are immutable once built.
 */
public final class JsonSchemas {
  /** Whether a schema is made for OpenAI's strict mode or as plain JSON Schema. */
  public enum Mode {
    /** Every property required; optional ones nullable. */
    STRICT,
    /** Only required properties in {@code required}; optional ones nullable. */
    NON_STRICT
  }

  /**
   * One property of an object schema, such as a tool method's parameter.
   *
   * @param name the JSON property name
   * @param type the Java type of its value; {@code Optional<T>} is described as {@code T}
   * @param description what it means, for the model; empty for none
   * @param optional whether the model may leave it out (or send null)
   */
  public record Property(String name, Type type, String description, boolean optional) {
    public Property {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      requireNonNull(description, "description");
    }
  }

  private static final String DEFS = "$defs";
  private static final String LOCAL_DATE_TIME_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";
  // Strict mode supports only a few formats ("uri" is not one), so an absolute URI is a pattern there.
  private static final String URI_PATTERN = "^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]*$";

  private static final SchemaGenerator STRICT = generator(Mode.STRICT);
  private static final SchemaGenerator NON_STRICT = generator(Mode.NON_STRICT);

  private JsonSchemas() {}

  /**
   * The compact strict-mode schema of a record or POJO, for structured output.
   *
   * @throws IllegalArgumentException naming every part strict mode cannot express
   */
  public static String strictSchemaFor(Class<?> type) {
    requireNonNull(type, "type");
    ObjectNode schema = schemaFor(type, Mode.STRICT);
    List<String> violations = strictModeViolations(schema);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " cannot be described in OpenAI's strict mode: "
          + String.join("; ", violations)
          + ". Use a record whose components are strings, numbers, booleans, enums, records, lists or Optionals"
          + " (no Map, no Object).");
    }
    return schema.toString();
  }

  /** The root schema of one type, with its definitions under {@code $defs} at the end. */
  public static ObjectNode schemaFor(Type type, Mode mode) {
    ObjectNode schema = generatorFor(mode).generateSchema(type);
    JsonNode defs = schema.remove(DEFS);
    if (defs != null) {
      schema.set(DEFS, defs);
    }
    return schema;
  }

  /** An object schema with one property per entry, in order, closed to other properties. */
  public static ObjectNode objectSchema(List<Property> properties, Mode mode) {
    SchemaBuilder builder = generatorFor(mode).buildMultipleSchemaDefinitions();
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ArrayNode required = Json.MAPPER.createArrayNode();
    for (Property property : properties) {
      ObjectNode node = builder.createSchemaReference(property.type());
      if (property.optional()) {
        node = nullable(node);
      }
      props.set(property.name(), node);
      if (mode == Mode.STRICT || !property.optional()) {
        required.add(property.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    ObjectNode defs = builder.collectDefinitions(DEFS);
    // Only now are the referenced schemas filled in, so the description goes last and wins over
    // a class description.
    for (Property property : properties) {
      if (!property.description().isBlank()) {
        ObjectNode node = (ObjectNode) props.get(property.name());
        node.remove("description");
        node.put("description", property.description());
      }
    }
    if (!defs.isEmpty()) {
      schema.set(DEFS, defs);
    }
    return schema;
  }

  /** Every reason OpenAI's strict mode would refuse this schema, each as {@code "$.path: problem"}. */
  public static List<String> strictModeViolations(JsonNode schema) {
    return new StrictSchemaChecker(schema).violations();
  }

  /**
   * The paths of every sub-schema that says nothing about its value ({@code {}}, or an object open
   * to anything): what victools makes of {@code Object}, wildcards and raw collections, none of
   * which a model can fill in meaningfully.
   */
  public static List<String> untypedPaths(JsonNode schema) {
    List<String> paths = new ArrayList<>();
    collectUntyped(schema, "$", paths);
    return paths;
  }

  private static void collectUntyped(JsonNode node, String path, List<String> paths) {
    if (!node.isObject()) {
      return;
    }
    boolean untyped = node.propertyNames().stream().allMatch(k -> k.equals("description") || k.equals("title"))
        || (node.path("type").asString("").equals("object") && !node.has("properties") && !node.has("additionalProperties"));
    if (untyped) {
      paths.add(path);
      return;
    }
    for (String key : node.propertyNames()) {
      JsonNode child = node.get(key);
      switch (key) {
        case "properties", DEFS -> child.properties().forEach(e -> collectUntyped(e.getValue(), path + "." + key + "." + e.getKey(), paths));
        case "items", "additionalProperties" -> collectUntyped(child, path + "." + key, paths);
        case "anyOf", "allOf", "oneOf" -> {
          for (int i = 0; i < child.size(); i++) {
            collectUntyped(child.get(i), path + "." + key + "[" + i + "]", paths);
          }
        }
        default -> { }
      }
    }
  }

  private static SchemaGenerator generatorFor(Mode mode) {
    return mode == Mode.STRICT ? STRICT : NON_STRICT;
  }

  private static SchemaGenerator generator(Mode mode) {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(Json.MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonSchemaModule())
            .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.PLAIN_DEFINITION_KEYS, Option.FLATTENED_OPTIONALS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forTypesInGeneral()
        .withCustomDefinitionProvider((type, context) -> customDefinition(type, context, mode))
        // Declaration order reads better for the model than victools' alphabetical default.
        .withPropertySorter((a, b) -> 0)
        .withTypeAttributeOverride((node, scope, context) -> {
          if (node.has("properties") && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
          }
        });
    config.forFields()
        .withRequiredCheck(field -> mode == Mode.STRICT || !isOptional(field))
        .withNullableCheck(JsonSchemas::isOptional);
    return new SchemaGenerator(config.build());
  }

  private static boolean isOptional(FieldScope field) {
    return field.getDeclaredType().isInstanceOf(Optional.class);
  }

  private static @Nullable CustomDefinition customDefinition(ResolvedType type, SchemaGenerationContext context, Mode mode) {
    Class<?> raw = type.getErasedType();
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (raw == byte.class || raw == Byte.class) {
      node.put("type", "integer").put("minimum", Byte.MIN_VALUE).put("maximum", Byte.MAX_VALUE);
    } else if (raw == short.class || raw == Short.class) {
      node.put("type", "integer").put("minimum", Short.MIN_VALUE).put("maximum", Short.MAX_VALUE);
    } else if (raw == char.class || raw == Character.class) {
      node.put("type", "string").put("pattern", "^[\\s\\S]$");
    } else if (raw == LocalDateTime.class) {
      node.put("type", "string").put("pattern", LOCAL_DATE_TIME_PATTERN);
    } else if (raw == URI.class) {
      node.put("type", "string");
      if (mode == Mode.STRICT) {
        node.put("pattern", URI_PATTERN);
      } else {
        node.put("format", "uri");
      }
    } else if (raw.isEnum()) {
      return enumDefinition(raw);
    } else {
      return null;
    }
    return new CustomDefinition(node, true);
  }

  // Jackson's own serialisation names the constants, so @JsonProperty and @JsonValue are honoured.
  private static @Nullable CustomDefinition enumDefinition(Class<?> enumType) {
    ArrayNode values = Json.MAPPER.createArrayNode();
    for (Object constant : enumType.getEnumConstants()) {
      JsonNode value = Json.MAPPER.valueToTree(constant);
      if (!value.isString()) {
        return null;
      }
      values.add(value);
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", "string");
    node.set("enum", values);
    return new CustomDefinition(node);
  }

  /** The same schema, also accepting {@code null}. */
  static ObjectNode nullable(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isString() && !schema.has("enum") && !schema.has("const")) {
      ObjectNode copy = schema.deepCopy();
      copy.putArray("type").add(type.asString()).add("null");
      return copy;
    }
    if (type != null && type.isArray() && type.valueStream().anyMatch(t -> t.asString().equals("null"))) {
      return schema;
    }
    ObjectNode wrapper = Json.MAPPER.createObjectNode();
    ArrayNode anyOf = wrapper.putArray("anyOf");
    anyOf.add(schema);
    anyOf.addObject().put("type", "null");
    return wrapper;
  }
}
