package dev.conduit.agent.tool;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Short, readable names of types and methods for messages: {@code forecast(String, List<Day>)}. */
final class TypeNames {
  private TypeNames() {}

  static String of(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? of(c.getComponentType()) + "[]" : c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    }
    if (type instanceof ParameterizedType p) {
      return of(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(TypeNames::of)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof GenericArrayType a) {
      return of(a.getGenericComponentType()) + "[]";
    }
    if (type instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + of(w.getLowerBounds()[0]);
      }
      Type upper = w.getUpperBounds().length > 0 ? w.getUpperBounds()[0] : Object.class;
      return upper == Object.class ? "?" : "? extends " + of(upper);
    }
    return type.getTypeName();
  }

  static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getGenericParameterTypes()).map(TypeNames::of)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  static String location(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }

  /** What makes a type impossible to describe to the model, if anything: Object, a wildcard, a raw type, a type variable. */
  static Optional<String> unsupportedPart(Type type) {
    if (type instanceof Class<?> c) {
      if (c == Object.class) {
        return Optional.of("the type Object");
      }
      if (c.isArray()) {
        return unsupportedPart(c.getComponentType());
      }
      return c.getTypeParameters().length > 0 ? Optional.of("the raw type " + of(c)) : Optional.empty();
    }
    if (type instanceof ParameterizedType p) {
      return Arrays.stream(p.getActualTypeArguments()).map(TypeNames::unsupportedPart)
          .flatMap(Optional::stream).findFirst();
    }
    if (type instanceof GenericArrayType a) {
      return unsupportedPart(a.getGenericComponentType());
    }
    if (type instanceof WildcardType w) {
      return Optional.of("a wildcard (" + of(w) + ")");
    }
    return Optional.of("the type variable " + type.getTypeName());
  }
}
