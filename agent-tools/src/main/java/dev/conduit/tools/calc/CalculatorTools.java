package dev.conduit.tools.calc;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import dev.conduit.agent.tool.ToolException;

/**
 * A calculator the model can call instead of doing arithmetic in its head.
 *
 * <pre>{@code
 * Agent agent = Agent.builder().client(client).model("gpt-5.1")
 *     .tools(new CalculatorTools())
 *     .build();
 * new CalculatorTools().calculate("2^10 / (1 + 3)").result();   // "256"
 * }</pre>
 *
 * <p>Expressions are read by Conduit's own parser and computed with {@link java.math.BigDecimal} at
 * {@link java.math.MathContext#DECIMAL128} precision (34 significant digits): no script engine,
 * expression language or reflection is involved, so an expression can only ever produce a number or an
 * error. It supports {@code + - * / % ^} (also {@code **}), parentheses, unary minus, the functions
 * sqrt, abs, round (optionally with decimal places), floor, ceil, ln, log10, exp, sin, cos, tan (radians),
 * min, max and factorial, and the constants pi and e.
 *
 * <p>Limits: 500 characters, 64 levels of nesting, exponents between -1000 and 1000, factorial up to
 * 170, and magnitudes below 1e1000 (smaller than 1e-1000 becomes 0). Breaking a limit, dividing by zero,
 * an overflow or a syntax error throws {@link ToolException} with a message for the model.
 *
 * <p>Stateless and thread-safe.
 */
public final class CalculatorTools {

  @Tool("Evaluate an arithmetic expression exactly, to 34 significant digits. Supports numbers, "
      + "+ - * / % ^ and parentheses, the functions sqrt, abs, round(x) or round(x, places), floor, ceil, "
      + "ln, log10, exp, sin, cos, tan (radians), min, max, factorial, and the constants pi and e. "
      + "Example: (3 + 4)^2 * sqrt(2)")
  public Calculation calculate(
      @Param("The expression, at most 500 characters, e.g. 12.5 * (3 - 1) / 4") String expression) {
    return new Calculation(expression, Format.plain(Evaluator.evaluate(expression)));
  }
}
