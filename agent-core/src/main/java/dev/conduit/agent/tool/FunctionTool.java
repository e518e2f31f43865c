package dev.conduit.agent.tool;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tool that is not a method: a name, a description, a record type for its arguments, and a
 * function. Give it to {@link Toolbox#of} among the other tools.
 *
 * <pre>{@code
 * record OrderQuery(@JsonPropertyDescription("Order number, e.g. A-1042") String orderId) {}
 *
 * FunctionTool<OrderQuery> lookup =
 *     FunctionTool.of("lookup", "Look up an order", OrderQuery.class, q -> orders.find(q.orderId()));
 * Toolbox tools = Toolbox.of(new WeatherTools(), lookup);
 * }</pre>
 *
 * <p>The arguments' JSON schema is made from the record, as for a {@code @Tool} method's parameters,
 * and the function's result is rendered the same way: a {@code String} as it is, anything else as
 * JSON. Nothing is checked until {@code Toolbox.of}, which reports every problem at once. Immutable;
 * the function must be safe to call from several threads.
 *
 * @param <A> the arguments' record type
 */
public final class FunctionTool<A> {
  /**
   * The body of a {@link FunctionTool}. Throw {@link ToolException} to tell the model what went
   * wrong; any other exception is reported to the model by its type only.
   *
   * @param <A> the arguments' record type
   */
  @FunctionalInterface
  public interface Handler<A> {
    /** Runs the tool; the result may be {@code null}, which the model sees as {@code null}. */
    @Nullable Object apply(A arguments) throws Exception;
  }

  private final String name;
  private final String description;
  private final Class<A> argumentsType;
  private final Handler<? super A> handler;
  private final boolean strict;

  private FunctionTool(String name, String description, Class<A> argumentsType, Handler<? super A> handler, boolean strict) {
    this.name = requireNonNull(name, "name");
    this.description = requireNonNull(description, "description");
    this.argumentsType = requireNonNull(argumentsType, "argumentsType");
    this.handler = requireNonNull(handler, "handler");
    this.strict = strict;
  }

  /** A strict-mode tool named {@code name} ({@code ^[a-zA-Z0-9_-]{1,64}$}) whose arguments are an {@code argumentsType}. */
  public static <A> FunctionTool<A> of(String name, String description, Class<A> argumentsType, Handler<? super A> handler) {
    return new FunctionTool<>(name, description, argumentsType, handler, true);
  }

  /** The same tool, sent without OpenAI's {@code strict: true}. */
  public FunctionTool<A> nonStrict() {
    return new FunctionTool<>(name, description, argumentsType, handler, false);
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "FunctionTool[" + name + "(" + TypeNames.of(argumentsType) + ")]";
  }

  Optional<ParsedTool> parse(Problems problems) {
    String location = "FunctionTool \"" + name + "\" (" + argumentsType.getName() + ")";
    boolean ok = ToolMethodParser.checkName(name, location,
        "write FunctionTool.of(\"" + ToolMethodParser.suggestedName(name) + "\", ...).", problems);
    ok &= ToolMethodParser.checkDescription(name, description, location,
        "write FunctionTool.of(\"" + name + "\", \"what " + name + " does, for the model\", ...).", problems);
    ok &= ToolMethodParser.checkType(argumentsType, "The arguments type of " + this, location, problems);
    if (!ok) {
      return Optional.empty();
    }
    SchemaFactory.ToolSchema schema = SchemaFactory.forType(name, argumentsType, strict);
    if (!schema.json().path("type").asString("").equals("object")) {
      problems.add("The arguments type of " + this + " is not a record or class with properties: the model sends arguments as a JSON object.",
          "use a record, e.g. record " + capitalized(name) + "Arguments(String query).", location);
      return Optional.empty();
    }
    ToolDefinition definition = new ToolDefinition(name, description, schema.json().toString(), schema.strict());
    ArgumentBinder binder = ArgumentBinder.forWholeObject(argumentsType);
    ToolInvoker invoker = new ToolInvoker(name, schema.validation(), ToolInvoker.Returns.VALUE,
        arguments -> handler.apply(argumentsType.cast(binder.bind(arguments)[0])));
    return Optional.of(new ParsedTool(definition, invoker, location));
  }

  private static String capitalized(String name) {
    return name.isEmpty() ? "Tool" : Character.toUpperCase(name.charAt(0)) + name.substring(1).replaceAll("[^a-zA-Z0-9]", "");
  }
}
