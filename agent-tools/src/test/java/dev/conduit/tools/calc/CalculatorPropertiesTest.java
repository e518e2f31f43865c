package dev.conduit.tools.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.conduit.agent.tool.ToolException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever the model sends, the calculator answers with a number or an error text, and does so in bounded
 * time. The bound is a generous ceiling against runaway computation, not a performance target.
 * Properties run with QuickTheories (seeded, so a failure reproduces, and shrunk to a small example).
 */
class CalculatorPropertiesTest {
  private static final Duration CEILING = Duration.ofSeconds(10);
  private static final long SEED = 20261123L;
  private final CalculatorTools calculator = new CalculatorTools();

  @Test
  void anyTextEndsInAValueOrAnErrorText() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(strings().allPossible().ofLengthBetween(0, 600))
        .checkAssert(this::assertEndsInValueOrErrorText);
  }

  @Test
  void anySequenceOfCalculatorTokensEndsInAValueOrAnErrorText() {
    qt().withFixedSeed(SEED).withExamples(1000)
        .forAll(tokenSoup())
        .checkAssert(this::assertEndsInValueOrErrorText);
  }

  @Test
  void anyWellFormedExpressionEndsInAValueOrAnErrorText() {
    qt().withFixedSeed(SEED).withExamples(1000)
        .forAll(expression(4))
        .checkAssert(this::assertEndsInValueOrErrorText);
  }

  @Test
  void integerArithmeticAgreesWithExactIntegers() {
    Gen<Long> small = longs().between(-1_000_000, 1_000_000);
    qt().withFixedSeed(SEED).withExamples(200)
        .forAll(small, small, small)
        .checkAssert((a, b, c) -> {
          String expression = a + " + " + b + " * " + c + " - (" + a + " - " + c + ")";
          assertThat(calculator.calculate(expression).result()).isEqualTo(Long.toString(a + b * c - (a - c)));
        });
  }

  private void assertEndsInValueOrErrorText(String input) {
    assertTimeoutPreemptively(CEILING, () -> {
      try {
        Calculation calculation = calculator.calculate(input);
        assertThat(calculation.result()).matches("-?[0-9]+(\\.[0-9]+)?(E[+-][0-9]+)?");
      } catch (ToolException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }

  private static Gen<String> tokenSoup() {
    List<String> tokens = List.of("0", "1", "7", "42", "0.5", "1e3", "9e999", "1e-999", ".", "e", "pi", "+", "-", "*",
        "**", "/", "%", "^", "(", ")", ",", " ", "sqrt(", "abs(", "round(", "floor(", "ceil(", "ln(", "log10(", "exp(",
        "sin(", "cos(", "tan(", "min(", "max(", "factorial(", "1000", "170", "-1", "x", "$", "\u0000", "\u00e9");
    return lists().of(pick(tokens)).ofSizeBetween(0, 200).map(parts -> String.join("", parts));
  }

  private static Gen<String> expression(int depth) {
    Gen<String> leaf = oneOf(
        integers().between(-1000, 1000).map((Integer i) -> String.valueOf(i)),
        doubles().between(-1e6, 1e6).map(d -> Double.toString(Math.round(d * 1000) / 1000.0)),
        pick(List.of("pi", "e", "0", "1e300", "1e-300", "170", "1000")));
    if (depth == 0) {
      return leaf;
    }
    Gen<String> sub = expression(depth - 1);
    Gen<String> binary = pick(List.of("+", "-", "*", "/", "%", "^")).zip(sub, sub, (op, x, y) -> x + " " + op + " " + y);
    Gen<String> call = pick(List.copyOf(Evaluator.FUNCTIONS)).zip(lists().of(sub).ofSizeBetween(1, 2),
        (f, xs) -> f + "(" + String.join(", ", xs) + ")");
    return oneOf(leaf, binary, call, sub.map(x -> "(" + x + ")"), sub.map(x -> "-" + x));
  }
}
