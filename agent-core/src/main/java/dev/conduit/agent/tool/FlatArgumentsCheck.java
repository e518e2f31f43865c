package dev.conduit.agent.tool;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A quick check, compiled once per tool, that a call's arguments are certainly valid, for the schema
 * most tools have: an object of scalar properties ({@code type}, string {@code enum}, integer {@code
 * minimum}/{@code maximum}, {@code required}, {@code additionalProperties}). It allocates nothing, where
 * networknt's {@code Schema.validate} allocates about 1 KiB per call.
 *
 * <p>It only ever says "valid" or "not sure": when it is not sure (a violation, or a value it does not
 * judge, such as {@code 1.0} for an integer), networknt decides, and writes the error texts the model
 * sees, so those are unchanged. A schema with any other keyword gets no quick check at all.
 */
final class FlatArgumentsCheck {
  private static final int STRING = 1;
  private static final int INTEGER = 2;
  private static final int NUMBER = 4;
  private static final int BOOLEAN = 8;
  private static final int NULL = 16;
  private static final int ANY = -1;

  private static final Set<String> ROOT_KEYWORDS =
      Set.of("type", "properties", "required", "additionalProperties", "description", "title");
  private static final Set<String> PROPERTY_KEYWORDS = Set.of("type", "enum", "minimum", "maximum", "description", "title");

  /** One property's constraints; {@code enumValues} null when there is no enum. */
  private record Property(int types, @Nullable Set<String> enumValues, boolean enumAllowsNull, long minimum,
      long maximum, boolean required) {
    boolean accepts(JsonNode value) {
      if (types != ANY && (kind(value) & types) == 0) {
        return false;
      }
      if (enumValues != null) {
        if (value.isNull() ? !enumAllowsNull : !(value.isString() && enumValues.contains(value.asString()))) {
          return false;
        }
      }
      if (value.isIntegralNumber()) {
        if (!value.canConvertToLong()) {
          return minimum == Long.MIN_VALUE && maximum == Long.MAX_VALUE;
        }
        long v = value.longValue();
        return v >= minimum && v <= maximum;
      }
      return true;
    }
  }

  private final Map<String, Property> properties;
  private final int requiredCount;
  private final boolean additionalProperties;

  private FlatArgumentsCheck(Map<String, Property> properties, int requiredCount, boolean additionalProperties) {
    this.properties = properties;
    this.requiredCount = requiredCount;
    this.additionalProperties = additionalProperties;
  }

  /** The quick check for {@code schema}, or empty when the schema uses anything it does not judge. */
  static Optional<FlatArgumentsCheck> compile(JsonNode schema) {
    if (!schema.isObject() || !ROOT_KEYWORDS.containsAll(schema.propertyNames())
        || !"object".equals(stringOrNull(schema.get("type")))) {
      return Optional.empty();
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && !additional.isBoolean()) {
      return Optional.empty();
    }
    Set<String> required = new HashSet<>();
    JsonNode requiredNode = schema.get("required");
    if (requiredNode != null) {
      if (!requiredNode.isArray()) {
        return Optional.empty();
      }
      for (JsonNode name : requiredNode) {
        if (!name.isString()) {
          return Optional.empty();
        }
        required.add(name.asString());
      }
    }
    JsonNode propertiesNode = schema.get("properties");
    if (propertiesNode != null && !propertiesNode.isObject()) {
      return Optional.empty();
    }
    Map<String, Property> properties = new HashMap<>();
    if (propertiesNode != null) {
      for (Map.Entry<String, JsonNode> entry : propertiesNode.properties()) {
        Optional<Property> property = property(entry.getValue(), required.contains(entry.getKey()));
        if (property.isEmpty()) {
          return Optional.empty();
        }
        properties.put(entry.getKey(), property.get());
      }
    }
    if (!properties.keySet().containsAll(required)) {
      return Optional.empty(); // a required name without a property schema: rare, left to networknt
    }
    return Optional.of(new FlatArgumentsCheck(Map.copyOf(properties), required.size(),
        additional == null || additional.booleanValue()));
  }

  /** True only when networknt would find no error in {@code arguments}; false means "ask networknt". */
  boolean certainlyValid(JsonNode arguments) {
    if (!arguments.isObject()) {
      return false;
    }
    int requiredSeen = 0;
    for (Map.Entry<String, JsonNode> entry : arguments.properties()) {
      Property property = properties.get(entry.getKey());
      if (property == null) {
        if (!additionalProperties) {
          return false;
        }
        continue;
      }
      if (!property.accepts(entry.getValue())) {
        return false;
      }
      if (property.required()) {
        requiredSeen++;
      }
    }
    return requiredSeen == requiredCount;
  }

  private static Optional<Property> property(JsonNode schema, boolean required) {
    if (!schema.isObject() || !PROPERTY_KEYWORDS.containsAll(schema.propertyNames())) {
      return Optional.empty();
    }
    int types = ANY;
    JsonNode type = schema.get("type");
    if (type != null) {
      types = 0;
      if (type.isArray()) {
        for (JsonNode t : type) {
          int bit = typeBit(stringOrNull(t));
          if (bit == 0) {
            return Optional.empty();
          }
          types |= bit;
        }
      } else {
        types = typeBit(stringOrNull(type));
      }
      if (types == 0) {
        return Optional.empty();
      }
    }
    Set<String> enumValues = null;
    boolean enumAllowsNull = false;
    JsonNode enumNode = schema.get("enum");
    if (enumNode != null) {
      if (!enumNode.isArray()) {
        return Optional.empty();
      }
      enumValues = new HashSet<>();
      for (JsonNode value : enumNode) {
        if (value.isString()) {
          enumValues.add(value.asString());
        } else if (value.isNull()) {
          enumAllowsNull = true;
        } else {
          return Optional.empty();
        }
      }
      enumValues = Set.copyOf(enumValues);
    }
    long minimum = Long.MIN_VALUE;
    long maximum = Long.MAX_VALUE;
    JsonNode min = schema.get("minimum");
    JsonNode max = schema.get("maximum");
    if (min != null || max != null) {
      // Bounds are judged for integers only: a bound on a number is left to networknt.
      if ((types & ~NULL) != INTEGER || !integralBound(min) || !integralBound(max)) {
        return Optional.empty();
      }
      minimum = min == null ? Long.MIN_VALUE : min.longValue();
      maximum = max == null ? Long.MAX_VALUE : max.longValue();
    }
    return Optional.of(new Property(types, enumValues, enumAllowsNull, minimum, maximum, required));
  }

  private static boolean integralBound(@Nullable JsonNode bound) {
    return bound == null || (bound.isIntegralNumber() && bound.canConvertToLong()
        && bound.longValue() != Long.MIN_VALUE && bound.longValue() != Long.MAX_VALUE);
  }

  private static int typeBit(@Nullable String type) {
    if (type == null) {
      return 0;
    }
    switch (type) {
      case "string":
        return STRING;
      case "integer":
        return INTEGER;
      case "number":
        return NUMBER;
      case "boolean":
        return BOOLEAN;
      case "null":
        return NULL;
      default:
        return 0; // object and array have keywords of their own: left to networknt
    }
  }

  /** The kind of a parsed value, as a type bit; an integer is also a number. */
  private static int kind(JsonNode value) {
    if (value.isString()) {
      return STRING;
    }
    if (value.isIntegralNumber()) {
      return INTEGER | NUMBER;
    }
    if (value.isNumber()) {
      return NUMBER;
    }
    if (value.isBoolean()) {
      return BOOLEAN;
    }
    if (value.isNull()) {
      return NULL;
    }
    return 0;
  }

  private static @Nullable String stringOrNull(@Nullable JsonNode node) {
    return node != null && node.isString() ? node.asString() : null;
  }
}
