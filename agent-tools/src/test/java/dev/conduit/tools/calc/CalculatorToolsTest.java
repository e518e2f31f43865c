package dev.conduit.tools.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.tool.ToolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorToolsTest {
  private final CalculatorTools calculator = new CalculatorTools();

  private String result(String expression) {
    return calculator.calculate(expression).result();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1 + 2 * 3               | 7
      (1 + 2) * 3             | 9
      0.1 + 0.2               | 0.3
      10 / 4                  | 2.5
      (1 / 3) * 3             | 1
      1 / 3                   | 0.3333333333333333333333333333333333
      2 / 3                   | 0.6666666666666666666666666666666667
      7 % 3                   | 1
      -7 % 3                  | -1
      5.5 % 2                 | 1.5
      2 ^ 10                  | 1024
      2 ** 10                 | 1024
      2 ^ 3 ^ 2               | 512
      -2 ^ 2                  | -4
      (-2) ^ 2                | 4
      2 ^ -1                  | 0.5
      --3                     | 3
      +-+3                    | -3
      4 - -2                  | 6
      2 ^ 100                 | 1267650600228229401496703205376
      2 ^ 0.5                 | 1.414213562373095048801688724209698
      sqrt(2)                 | 1.414213562373095048801688724209698
      sqrt(16)                | 4
      abs(-3.5)               | 3.5
      round(2.5)              | 3
      round(-2.5)             | -3
      round(3.14159, 2)       | 3.14
      round(1234, -2)         | 1200
      floor(-2.5)             | -3
      ceil(-2.5)              | -2
      ln(e)                   | 1
      ln(1)                   | 0
      log10(1000)             | 3
      log10(0.001)            | -3
      exp(1)                  | 2.718281828459045235360287471352662
      exp(0)                  | 1
      sin(0)                  | 0
      sin(pi)                 | 0
      cos(pi / 2)             | 0
      cos(pi)                 | -1
      sin(-pi / 2)            | -1
      sin(1e20)               | -0.645251285265780844205811711312523
      cos(0)                  | 1
      sin(pi / 6)             | 0.5
      cos(pi / 3)             | 0.5
      tan(pi / 4)             | 1
      ln(10)                  | 2.302585092994045684017991454684364
      2 ^ 0.5 * 2 ^ 0.5       | 2
      min(3, -1, 2)           | -1
      max(3, -1, 2)           | 3
      factorial(0)            | 1
      factorial(10)           | 3628800
      factorial(170)          | 7.257415615307998967396728211129263E+306
      pi                      | 3.141592653589793238462643383279503
      PI * 2                  | 6.283185307179586476925286766559006
      1.5e3 + 1               | 1501
      .5 + 3.                 | 3.5
      10 ^ 40                 | 1E+40
      1e-999 / 10             | 1E-1000
      1e-1000 / 10            | 0
      """)
  void evaluatesArithmeticExactly(String expression, String expected) {
    assertThat(result(expression)).isEqualTo(expected);
  }

  @Test
  void resultRepeatsTheExpression() {
    assertThat(calculator.calculate("1+1")).isEqualTo(new Calculation("1+1", "2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      1 / 0                  | Division by zero: 1 / 0 is undefined.
      5 % (2 - 2)            | Division by zero: 5 % 0 is undefined.
      0 ^ -1                 | Division by zero: 0 cannot be raised to a negative power.
      10 ^ 999 * 10          | Overflow: the result is 1e1000 or larger in magnitude, beyond what this calculator handles.
      1e1000                 | Overflow: the result is 1e1000 or larger in magnitude, beyond what this calculator handles.
      1e99999999999          | The number 1e99999999999 is out of range: numbers must be smaller than 1e1000.
      exp(5000)              | Overflow: exp(5000) is larger than 1e1000.
      2 ^ 1001               | The exponent 1001 is too large: exponents must be between -1000 and 1000.
      factorial(171)         | factorial(171) is not supported: the argument must be a whole number from 0 to 170.
      factorial(2.5)         | factorial(2.5) is not supported: the argument must be a whole number from 0 to 170.
      factorial(-1)          | factorial(-1) is not supported: the argument must be a whole number from 0 to 170.
      tan(pi / 2)            | tan(1.570796326794896619231321691639751) is undefined: its cosine is 0.
      sqrt(-4)               | sqrt(-4) is not a real number: the argument must not be negative.
      ln(0)                  | ln(0) is undefined: the argument must be greater than 0.
      log10(-1)              | log10(-1) is undefined: the argument must be greater than 0.
      (-8) ^ 0.5             | A negative number raised to a fractional power is not a real number: -8^0.5.
      sin(1e21)              | sin(1000000000000000000000) is not supported: the angle (in radians) must be between -1e20 and 1e20.
      sqrt(1, 2)             | sqrt() takes exactly one argument but got 2, e.g. sqrt(2).
      max()                  | max() needs at least one argument, e.g. max(3, 7).
      round(1, 0.5)          | The second argument of round() must be a whole number of decimal places from -100 to 100.
      """)
  void mathematicalErrorsAreExplainedToTheModel(String expression, String message) {
    assertThatThrownBy(() -> result(expression)).isInstanceOf(ToolException.class).hasMessage(message);
  }

  @Test
  void syntaxErrorsNameThePositionAndTheAllowedForms() {
    String help = "Write numbers, + - * / % ^ and parentheses, functions such as sqrt(2) or max(1, 2), "
        + "and the constants pi and e.";
    assertThatThrownBy(() -> result("2 + $"))
        .hasMessage("Unexpected '$' at position 5: a number, name or '(' was expected here. " + help);
    assertThatThrownBy(() -> result("2 3"))
        .hasMessage("Unexpected '3' at position 3: an operator is missing before it, or it is not allowed here. " + help);
    assertThatThrownBy(() -> result("(1 + 2"))
        .hasMessage("A ')' is missing at the end of the expression: every '(' needs a matching ')'.");
    assertThatThrownBy(() -> result("1 +"))
        .hasMessage("The expression ends too early: a number, name or '(' is missing at the end. " + help);
    assertThatThrownBy(() -> result("   ")).hasMessage("The expression is empty. " + help);
    assertThatThrownBy(() -> result("1\u0000")).hasMessageStartingWith("Unexpected '\\u0000' at position 2");
  }

  @Test
  void onlyWhitelistedNamesExist() {
    assertThatThrownBy(() -> result("java.lang.Runtime.getRuntime()"))
        .isInstanceOf(ToolException.class)
        .hasMessageStartingWith("Unknown name 'java' at position 1.");
    assertThatThrownBy(() -> result("exec(1)"))
        .hasMessage("Unknown function 'exec' at position 1. Available functions: sqrt, abs, round, floor, ceil, "
            + "ln, log10, exp, sin, cos, tan, min, max, factorial.");
    assertThatThrownBy(() -> result("x + 1"))
        .hasMessageStartingWith("Unknown name 'x' at position 1. The only constants are pi and e; there are no variables.");
    assertThatThrownBy(() -> result("sqrt 4"))
        .hasMessage("The function sqrt at position 1 needs its argument in parentheses, e.g. sqrt(2).");
  }

  @Test
  void inputLongerThan500CharactersIsRefused() {
    String longInput = "1+".repeat(250) + "1";
    assertThatThrownBy(() -> result(longInput))
        .hasMessage("The expression is 501 characters long; the limit is 500. Split the calculation into smaller steps.");
    assertThat(result("1+".repeat(249) + "1")).isEqualTo("250");
  }

  @Test
  void nestingDeeperThan64LevelsIsRefused() {
    assertThat(result("(".repeat(64) + "1" + ")".repeat(64))).isEqualTo("1");
    assertThatThrownBy(() -> result("(".repeat(65) + "1" + ")".repeat(65)))
        .hasMessage("The expression is nested too deeply: at most 64 levels of parentheses, function calls and powers. "
            + "Split it into smaller steps.");
    assertThatThrownBy(() -> result("2^".repeat(100) + "1")).hasMessageStartingWith("The expression is nested too deeply");
  }
}
