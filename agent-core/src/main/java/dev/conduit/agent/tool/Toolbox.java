package dev.conduit.agent.tool;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools an agent may call, read once from {@code @Tool} methods and {@link FunctionTool}s into
 * immutable {@link ToolDefinition}s, and the one way to run the model's tool calls.
 *
 * <pre>{@code
 * Toolbox tools = Toolbox.of(new WeatherTools(), FunctionTool.of("lookup", "Look up an order", OrderQuery.class, orders::find));
 * tools.definitions();                     // what the model is told, in declaration order
 * ToolExecution run = tools.execute(call);  // never throws for the model's mistakes or the tool's exceptions
 * }</pre>
 *
 * <p>{@link #of} checks everything at once and throws one {@link ToolDefinitionException} listing
 * every problem, each with its fix. {@link #execute} validates the model's arguments against the
 * tool's schema before calling it, and turns every failure into an error result the model can act
 * on; only {@link InterruptedException} and {@link Error} escape.
 *
 * <p>Immutable and thread-safe: share one instance, and call {@code execute} from many threads at once.
 */
public final class Toolbox {
  private static final Toolbox EMPTY = new Toolbox(Map.of());

  private final Map<String, ParsedTool> tools;
  private final List<ToolDefinition> definitions; // asked for on every model call: built once

  private Toolbox(Map<String, ParsedTool> tools) {
    this.tools = tools;
    this.definitions = tools.values().stream().map(ParsedTool::definition).toList();
  }

  /**
   * The tools of {@code targets}: objects with {@code @Tool} methods (instance and static), classes
   * with static {@code @Tool} methods, {@link FunctionTool}s, and other toolboxes.
   *
   * @throws ToolDefinitionException listing every problem found, each with its fix
   */
  public static Toolbox of(Object... targets) {
    requireNonNull(targets, "targets");
    Problems problems = new Problems();
    List<ParsedTool> parsed = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      Object target = targets[i];
      if (target == null) {
        throw new NullPointerException("Toolbox.of: targets[" + i + "] is null");
      }
      if (target instanceof Toolbox toolbox) {
        parsed.addAll(toolbox.tools.values());
      } else if (target instanceof FunctionTool<?> function) {
        function.parse(problems).ifPresent(parsed::add);
      } else if (target instanceof Class<?> type) {
        parsed.addAll(ToolMethodParser.parseStatic(type, problems));
      } else {
        parsed.addAll(ToolMethodParser.parse(target, problems));
      }
    }
    return collect(parsed, problems);
  }

  public static Toolbox empty() {
    return EMPTY;
  }

  /** What the model is told about each tool, in declaration order. */
  public List<ToolDefinition> definitions() {
    return definitions;
  }

  public Optional<ToolDefinition> definition(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(tools.get(name)).map(ParsedTool::definition);
  }

  /** The tools' names, in declaration order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(tools.keySet());
  }

  /**
   * This toolbox's tools and then {@code other}'s.
   *
   * @throws ToolDefinitionException when a name is in both
   */
  public Toolbox plus(Toolbox other) {
    requireNonNull(other, "other");
    List<ParsedTool> all = new ArrayList<>(tools.values());
    all.addAll(other.tools.values());
    return collect(all, new Problems());
  }

  /**
   * Runs one tool call. The result is an error result, never an exception, for an unknown tool,
   * arguments that are not JSON or do not match the schema, and anything the tool throws; its
   * text tells the model what to fix, and {@link ToolExecution#failure()} holds the tool's exception.
   *
   * @throws InterruptedException when the thread is interrupted, before, during or after the tool runs (the interrupt flag stays set)
   */
  public ToolExecution execute(ToolCall call) throws InterruptedException {
    requireNonNull(call, "call");
    ParsedTool tool = tools.get(call.name());
    if (tool == null) {
      String available = tools.isEmpty() ? "none" : String.join(", ", tools.keySet());
      return new ToolExecution(ToolResult.error(call, ToolInvoker.truncate(
          "Error: no tool named '" + call.name() + "'. Available tools: " + available + ".")), Optional.empty());
    }
    return tool.invoker().execute(call);
  }

  @Override
  public String toString() {
    return "Toolbox" + tools.keySet();
  }

  private static Toolbox collect(List<ParsedTool> parsed, Problems problems) {
    Map<String, List<ParsedTool>> byName = new LinkedHashMap<>();
    for (ParsedTool tool : parsed) {
      byName.computeIfAbsent(tool.name(), n -> new ArrayList<>()).add(tool);
    }
    Map<String, ParsedTool> tools = new LinkedHashMap<>();
    byName.forEach((name, same) -> {
      if (same.size() > 1) {
        problems.add((same.size() == 2 ? "Two" : same.size()) + " tools are named \"" + name + "\".",
            "give one of them another name: @Tool(name = \"...\") on a method, or the first argument of FunctionTool.of.",
            same.stream().map(ParsedTool::location).toList());
      }
      tools.put(name, same.get(0));
    });
    problems.throwIfAny();
    return tools.isEmpty() ? EMPTY : new Toolbox(Collections.unmodifiableMap(tools));
  }
}
