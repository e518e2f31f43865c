package dev.conduit.tools.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.conduit.agent.tool.ToolException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever the model sends, the calculator answers with a number or an error text, and does so in bounded
 * time. The bound is a generous ceiling against runaway computation, not a performance target.
 */
class CalculatorPropertiesTest {
  private static final Duration CEILING = Duration.ofSeconds(10);
  private final CalculatorTools calculator = new CalculatorTools();

  @Property(tries = 500)
  void anyTextEndsInAValueOrAnErrorText(@ForAll @StringLength(max = 600) String input) {
    assertEndsInValueOrErrorText(input);
  }

  @Property(tries = 1000)
  void anySequenceOfCalculatorTokensEndsInAValueOrAnErrorText(@ForAll("tokenSoup") String input) {
    assertEndsInValueOrErrorText(input);
  }

  @Property(tries = 1000)
  void anyWellFormedExpressionEndsInAValueOrAnErrorText(@ForAll("expressions") String input) {
    assertEndsInValueOrErrorText(input);
  }

  @Property(tries = 200)
  void integerArithmeticAgreesWithExactIntegers(
      @ForAll("smallInts") long a, @ForAll("smallInts") long b, @ForAll("smallInts") long c) {
    String expression = a + " + " + b + " * " + c + " - (" + a + " - " + c + ")";
    assertThat(calculator.calculate(expression).result()).isEqualTo(Long.toString(a + b * c - (a - c)));
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

  @Provide
  Arbitrary<Long> smallInts() {
    return Arbitraries.longs().between(-1_000_000, 1_000_000);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    List<String> tokens = List.of("0", "1", "7", "42", "0.5", "1e3", "9e999", "1e-999", ".", "e", "pi", "+", "-", "*",
        "**", "/", "%", "^", "(", ")", ",", " ", "sqrt(", "abs(", "round(", "floor(", "ceil(", "ln(", "log10(", "exp(",
        "sin(", "cos(", "tan(", "min(", "max(", "factorial(", "1000", "170", "-1", "x", "$", "\u0000", "\u00e9");
    return Arbitraries.of(tokens).list().ofMaxSize(200).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> expressions() {
    return expression(4);
  }

  private Arbitrary<String> expression(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(
        Arbitraries.integers().between(-1000, 1000).map(String::valueOf),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(3).map(d -> Double.toString(d)),
        Arbitraries.of("pi", "e", "0", "1e300", "1e-300", "170", "1000"));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> sub = expression(depth - 1);
    Arbitrary<String> binary = Arbitraries.of("+", "-", "*", "/", "%", "^")
        .flatMap(op -> sub.list().ofSize(2).map(xs -> xs.get(0) + " " + op + " " + xs.get(1)));
    Arbitrary<String> call = Arbitraries.of(Evaluator.FUNCTIONS)
        .flatMap(f -> sub.list().ofMinSize(1).ofMaxSize(2).map(xs -> f + "(" + String.join(", ", xs) + ")"));
    Arbitrary<String> grouped = sub.map(x -> "(" + x + ")");
    Arbitrary<String> negated = sub.map(x -> "-" + x);
    return Arbitraries.oneOf(leaf, binary, call, grouped, negated);
  }
}
