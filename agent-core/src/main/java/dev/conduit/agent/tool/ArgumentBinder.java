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
  private record Slot(String name, ObjectReader reader, boolean optionalWrapper) {}

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
    return new Slot(name, READER.forType(javaType), javaType.hasRawClass(Optional.class));
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
