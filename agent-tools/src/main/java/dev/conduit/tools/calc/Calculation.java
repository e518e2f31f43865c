package dev.conduit.tools.calc;

import static java.util.Objects.requireNonNull;

/**
 * The value of an expression, as the model receives it.
 *
 * <pre>{@code
 * Calculation c = new CalculatorTools().calculate("sqrt(2) * 10");
 * c.result();   // "14.14213562373095048801688724209698"
 * }</pre>
 *
 * @param expression the expression as given
 * @param result the value in decimal notation, at most 34 significant digits, scientific notation
 *     ({@code 1.2E+40}) when plain digits would be long
 */
public record Calculation(String expression, String result) {
  public Calculation {
    requireNonNull(expression, "expression");
    requireNonNull(result, "result");
  }
}
