package dev.conduit.agent.tool;

import dev.conduit.agent.internal.JsonSchemas;
import dev.conduit.agent.internal.JsonSchemas.Mode;
import dev.conduit.agent.internal.JsonSchemas.Property;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code @Tool} methods, once, into {@link ParsedTool}s, recording every problem it finds
 * instead of stopping at the first (Retrofit's {@code RequestFactory}, for tools).
 */
final class ToolMethodParser {
  static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  private ToolMethodParser() {}

  /** The tools of an object: its {@code @Tool} methods, instance and static. */
  static List<ParsedTool> parse(Object target, Problems problems) {
    return parse(target.getClass(), target, problems);
  }

  /** The tools of a class given without an instance: only static methods can be called. */
  static List<ParsedTool> parseStatic(Class<?> type, Problems problems) {
    return parse(type, null, problems);
  }

  private static List<ParsedTool> parse(Class<?> type, @Nullable Object target, Problems problems) {
    List<Method> methods = toolMethods(type);
    if (methods.isEmpty()) {
      problems.add(TypeNames.of(type) + " has no @Tool methods.",
          "annotate its tool methods with @Tool(\"what the tool does\"), or leave it out of Toolbox.of.", type.getName());
    }
    List<ParsedTool> tools = new ArrayList<>();
    for (Method method : methods) {
      parseMethod(target, method, problems).ifPresent(tools::add);
    }
    return tools;
  }

  // The most derived @Tool declaration of each signature, in name order so that definitions are stable.
  private static List<Method> toolMethods(Class<?> type) {
    Map<String, Method> found = new LinkedHashMap<>();
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      classes.add(c);
    }
    for (int i = 0; i < classes.size(); i++) {
      for (Class<?> i2 : classes.get(i).getInterfaces()) {
        if (!classes.contains(i2)) {
          classes.add(i2);
        }
      }
    }
    for (Class<?> c : classes) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isSynthetic() && !m.isBridge() && m.isAnnotationPresent(Tool.class)) {
          found.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
        }
      }
    }
    return found.values().stream()
        .sorted(Comparator.comparing(Method::getName).thenComparing(TypeNames::signature))
        .toList();
  }

  /**
   * What parsing a tool method yields that does not depend on the object it is called on, kept per
   * class so that the second {@code Toolbox.of} of a class (an agent per request, say) skips schema
   * generation and compilation. A {@link ClassValue}, so a class can still be unloaded.
   */
  private static final ClassValue<Map<Method, Prepared>> PREPARED = new ClassValue<>() {
    @Override
    protected Map<Method, Prepared> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /** A parsed tool method without its receiver; {@code method} is the accessible copy. */
  private record Prepared(Method method, ToolDefinition definition, ToolInvoker invoker, ArgumentBinder binder,
      String location) {
    ParsedTool bind(@Nullable Object target) {
      Object receiver = Modifier.isStatic(method.getModifiers()) ? null : target;
      return new ParsedTool(definition, invoker.withBody(arguments -> invoke(method, receiver, binder.bind(arguments))),
          location);
    }
  }

  private static Optional<ParsedTool> parseMethod(@Nullable Object target, Method method, Problems problems) {
    Prepared prepared = PREPARED.get(method.getDeclaringClass()).get(method);
    // A class given without an instance still has its instance methods reported, below.
    if (prepared != null && (target != null || Modifier.isStatic(method.getModifiers()))) {
      return Optional.of(prepared.bind(target));
    }
    Tool tool = method.getAnnotation(Tool.class);
    String location = TypeNames.location(method);
    String signature = TypeNames.signature(method);
    String name = tool.name().isEmpty() ? method.getName() : tool.name();
    boolean ok = checkName(name, location, "write @Tool(name = \"" + suggestedName(name) + "\").", problems);
    ok &= checkDescription(name, tool.value(), location, "write @Tool(\"what " + name + " does, for the model\").", problems);
    if (!Modifier.isPublic(method.getModifiers())) {
      problems.add(signature + " is not public.", "make it public: Conduit calls only public methods.", location);
      ok = false;
    }
    if (target == null && !Modifier.isStatic(method.getModifiers())) {
      String owner = TypeNames.of(method.getDeclaringClass());
      problems.add(signature + " is an instance method, but Toolbox.of was given the class " + owner + ", not an instance.",
          "pass an instance: Toolbox.of(new " + owner + "(...)).", location);
      ok = false;
    }
    List<Property> properties = parameters(method, signature, location, problems);
    if (!ok || properties.size() != method.getParameterCount()) {
      return Optional.empty();
    }
    SchemaFactory.ToolSchema schema = SchemaFactory.forParameters(name, properties, tool.strict());
    ToolDefinition definition = new ToolDefinition(name, tool.value(), schema.json().toString(), schema.strict());
    if (!method.trySetAccessible()) {
      problems.add(signature + " cannot be called: its class is not accessible to Conduit.",
          "open its package to Conduit's module, or make the class public.", location);
      return Optional.empty();
    }
    ArgumentBinder binder = ArgumentBinder.forProperties(
        properties.stream().map(Property::name).toList(), Arrays.asList(method.getGenericParameterTypes()));
    ToolInvoker.Returns returns = method.getReturnType() == void.class ? ToolInvoker.Returns.NOTHING : ToolInvoker.Returns.VALUE;
    ToolInvoker unbound = new ToolInvoker(name, schema.validation(), returns, arguments -> {
      throw new IllegalStateException("an unbound tool is never called");
    });
    prepared = new Prepared(method, definition, unbound, binder, location);
    PREPARED.get(method.getDeclaringClass()).put(method, prepared);
    return Optional.of(prepared.bind(target));
  }

  private static @Nullable Object invoke(Method method, @Nullable Object receiver, @Nullable Object[] arguments) throws Exception {
    try {
      return method.invoke(receiver, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof java.lang.Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** One property per parameter; fewer than the method has parameters when any has a problem. */
  private static List<Property> parameters(Method method, String signature, String location, Problems problems) {
    List<Property> properties = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Parameter[] parameters = method.getParameters();
    boolean ok = true;
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      Param param = parameter.getAnnotation(Param.class);
      String label = "Parameter #" + (i + 1);
      String name;
      if (param != null && !param.name().isEmpty()) {
        name = param.name();
      } else if (parameter.isNamePresent()) {
        name = parameter.getName();
      } else {
        problems.add(label + " of " + signature + " has no name: the class was compiled without -parameters.",
            "add <parameters>true</parameters> to maven-compiler-plugin, or write @Param(name = \"...\").", location);
        ok = false;
        continue;
      }
      label += " " + name;
      if (!names.add(name)) {
        problems.add("Two parameters of " + signature + " are named \"" + name + "\".",
            "give one of them another name: @Param(name = \"...\").", location);
        ok = false;
      }
      Type type = parameter.getParameterizedType();
      boolean optional = (param != null && !param.required()) || parameter.getType() == Optional.class;
      if (optional && parameter.getType().isPrimitive()) {
        problems.add(label + " of " + signature + " is optional but has the primitive type " + parameter.getType()
                + ", which cannot be left out.",
            "use " + TypeNames.of(boxed(parameter.getType())) + ", or remove required = false.", location);
        ok = false;
      }
      ok &= checkType(type, label + " of " + signature, location, problems);
      properties.add(new Property(name, unwrapOptional(type), param == null ? "" : param.value(), optional));
    }
    return ok ? properties : List.of();
  }

  /** Whether the model can be told what to put in a value of this type; records the problem if not. */
  static boolean checkType(Type type, String what, String location, Problems problems) {
    Optional<String> unsupported = TypeNames.unsupportedPart(type);
    if (unsupported.isPresent()) {
      problems.add(what + " uses " + unsupported.get() + ", which has no JSON schema.",
          "give it a concrete type, e.g. String, a number, an enum, a record, or List<String>.", location);
      return false;
    }
    List<String> untyped = JsonSchemas.untypedPaths(JsonSchemas.schemaFor(unwrapOptional(type), Mode.NON_STRICT));
    if (!untyped.isEmpty()) {
      problems.add(what + " has parts of type Object, a wildcard or a raw type, which have no JSON schema, at "
              + String.join(", ", untyped) + ".",
          "give those parts a concrete type, e.g. String, a number, an enum, a record, or List<String>.", location);
      return false;
    }
    return true;
  }

  static boolean checkName(String name, String location, String fix, Problems problems) {
    if (NAME.matcher(name).matches()) {
      return true;
    }
    problems.add("Tool name \"" + name + "\" is not allowed: it must match " + NAME.pattern() + ".", fix, location);
    return false;
  }

  static boolean checkDescription(String name, String description, String location, String fix, Problems problems) {
    if (!description.isBlank()) {
      return true;
    }
    problems.add("Tool \"" + name + "\" has no description, so the model cannot tell when to call it.", fix, location);
    return false;
  }

  static String suggestedName(String name) {
    String cleaned = name.replaceAll("[^a-zA-Z0-9_-]", "_");
    cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    return cleaned.isEmpty() ? "tool_name" : cleaned;
  }

  private static Type unwrapOptional(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return p.getActualTypeArguments()[0];
    }
    return type;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
  }
}
