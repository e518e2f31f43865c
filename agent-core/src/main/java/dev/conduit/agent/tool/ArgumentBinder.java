package dev.conduit.agent.tool;

import dev.conduit.agent.internal.Json;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * Turns validated JSON arguments into Java values with Jackson: one value per method parameter, or
 * the whole arguments object as one record. Every value that does not fit is reported, not just the first.
 */
final class ArgumentBinder {
  /** One Java value: a named property of the arguments, or (name empty) the whole arguments object. */
  private record Slot(String name, ObjectReader reader, boolean optionalWrapper, Scalar scalar) {}

  /**
   * Java types whose value is taken from a node of the matching kind without Jackson, which would
   * make a parser and a context per value: the same value Jackson gives. Any other node goes to
   * Jackson, which converts it or writes the error.
   */
  private enum Scalar {
    STRING, INT, LONG, BOOLEAN, NONE;

    static Scalar of(Type type) {
      if (type == String.class) {
        return STRING;
      }
      if (type == int.class || type == Integer.class) {
        return INT;
      }
      if (type == long.class || type == Long.class) {
        return LONG;
      }
      if (type == boolean.class || type == Boolean.class) {
        return BOOLEAN;
      }
      return NONE;
    }

    @Nullable Object read(JsonNode node) {
      switch (this) {
        case STRING:
          return node.isString() ? node.asString() : null;
        case INT:
          return node.isInt() ? node.intValue() : null;
        case LONG:
          return node.isInt() || node.isLong() ? node.longValue() : null;
        case BOOLEAN:
          return node.isBoolean() ? node.booleanValue() : null;
        default:
          return null;
      }
    }
  }

  // The model's "+09:00" stays "+09:00": a tool may care about the offset it was given.
  private static final ObjectReader READER = Json.MAPPER.reader().without(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private final List<Slot> slots;

  private ArgumentBinder(List<Slot> slots) {
    this.slots = List.copyOf(slots);
  }

  static ArgumentBinder forWholeObject(Type type) {
    return new ArgumentBinder(List.of(slot("", type)));
  }

  static ArgumentBinder forProperties(List<String> names, List<Type> types) {
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      slots.add(slot(names.get(i), types.get(i)));
    }
    return new ArgumentBinder(slots);
  }

  private static Slot slot(String name, Type type) {
    JavaType javaType = Json.MAPPER.getTypeFactory().constructType(type);
    return new Slot(name, READER.forType(javaType), javaType.hasRawClass(Optional.class), Scalar.of(type));
  }

  @Nullable Object[] bind(JsonNode arguments) throws ArgumentException {
    @Nullable Object[] values = new Object[slots.size()];
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      JsonNode node = slot.name().isEmpty() ? arguments : arguments.get(slot.name());
      if (node == null || node.isNull()) {
        values[i] = slot.optionalWrapper() ? Optional.empty() : null;
        continue;
      }
      @Nullable Object scalar = slot.scalar().read(node);
      if (scalar != null) {
        values[i] = scalar;
        continue;
      }
      try {
        values[i] = slot.reader().readValue(node);
      } catch (JacksonException e) {
        violations.add(path(slot.name(), e) + ": " + e.getOriginalMessage());
      }
    }
    if (!violations.isEmpty()) {
      throw new ArgumentException(violations);
    }
    return values;
  }

  private static String path(String name, JacksonException e) {
    StringBuilder path = new StringBuilder("$");
    if (!name.isEmpty()) {
      path.append('.').append(name);
    }
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
