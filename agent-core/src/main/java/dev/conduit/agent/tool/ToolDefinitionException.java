package dev.conduit.agent.tool;

import java.util.List;

/**
 * Thrown by {@link Toolbox#of} when tools cannot be used as written: every problem found, each with
 * the fix and where it is, in one message.
 *
 * <pre>{@code
 * Conduit cannot use these @Tool methods (1 problem):
 *
 * 1) Two tools are named "forecast".
 *    Fix: give one of them another name: @Tool(name = "...") on a method, or the first argument of FunctionTool.of.
 *      at com.acme.WeatherTools.forecast
 *      at com.acme.LegacyTools.forecast
 * }</pre>
 *
 * <p>This is a programming error to fix in the code, not a condition to handle at run time.
 */
public final class ToolDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  ToolDefinitionException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, without its number: the problem, the {@code Fix:} line and the {@code at} lines. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    StringBuilder text = new StringBuilder("Conduit cannot use these @Tool methods (")
        .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
    for (int i = 0; i < problems.size(); i++) {
      String number = (i + 1) + ") ";
      text.append("\n\n").append(number).append(problems.get(i).replace("\n", "\n" + " ".repeat(number.length())));
    }
    return text.toString();
  }
}
