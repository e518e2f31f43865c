package dev.conduit.tools.calc;

import dev.conduit.agent.tool.ToolException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser that evaluates while it parses. It knows only numbers, five operators,
 * parentheses and a fixed list of names, so no input can reach code, classes or the file system.
 *
 * <pre>
 * expression = term (("+" | "-") term)*
 * term       = unary (("*" | "/" | "%") unary)*
 * unary      = ("+" | "-")* power            -2^2 is -(2^2)
 * power      = primary (("^" | "**") unary)?   right-associative: 2^3^2 is 2^9
 * primary    = number | name | name "(" arguments ")" | "(" expression ")"
 * </pre>
 */
final class Evaluator {
  static final int MAX_LENGTH = 500;
  static final int MAX_DEPTH = 64;

  static final List<String> FUNCTIONS = List.of(
      "sqrt", "abs", "round", "floor", "ceil", "ln", "log10", "exp", "sin", "cos", "tan", "min", "max", "factorial");
  private static final String HELP =
      "Write numbers, + - * / % ^ and parentheses, functions such as sqrt(2) or max(1, 2), and the constants pi and e.";

  private final String input;
  private int pos;
  private int depth;

  private Evaluator(String input) {
    this.input = input;
  }

  static BigDecimal evaluate(String expression) {
    if (expression.length() > MAX_LENGTH) {
      throw new ToolException("The expression is " + expression.length() + " characters long; the limit is "
          + MAX_LENGTH + ". Split the calculation into smaller steps.");
    }
    if (expression.isBlank()) {
      throw new ToolException("The expression is empty. " + HELP);
    }
    Evaluator evaluator = new Evaluator(expression);
    BigDecimal value = evaluator.expression();
    evaluator.skipSpaces();
    if (evaluator.pos < expression.length()) {
      throw evaluator.unexpected("an operator is missing before it, or it is not allowed here");
    }
    return value;
  }

  private BigDecimal expression() {
    BigDecimal left = term();
    while (true) {
      skipSpaces();
      char c = peek();
      if (c == '+') {
        pos++;
        left = checked(left.add(term(), BigMath.WORK));
      } else if (c == '-') {
        pos++;
        left = checked(left.subtract(term(), BigMath.WORK));
      } else {
        return left;
      }
    }
  }

  private BigDecimal term() {
    BigDecimal left = unary();
    while (true) {
      skipSpaces();
      char c = peek();
      if (c == '*' && !input.startsWith("**", pos)) {
        pos++;
        left = checked(left.multiply(unary(), BigMath.WORK));
      } else if (c == '/') {
        pos++;
        BigDecimal right = unary();
        if (right.signum() == 0) {
          throw new ToolException("Division by zero: " + Format.plain(left) + " / 0 is undefined.");
        }
        left = checked(left.divide(right, BigMath.WORK));
      } else if (c == '%') {
        pos++;
        BigDecimal right = unary();
        if (right.signum() == 0) {
          throw new ToolException("Division by zero: " + Format.plain(left) + " % 0 is undefined.");
        }
        left = checked(left.remainder(right));
      } else {
        return left;
      }
    }
  }

  private BigDecimal unary() {
    boolean negative = false;
    skipSpaces();
    while (peek() == '-' || peek() == '+') {
      negative ^= peek() == '-';
      pos++;
      skipSpaces();
    }
    BigDecimal value = power();
    return negative ? value.negate() : value;
  }

  private BigDecimal power() {
    BigDecimal base = primary();
    skipSpaces();
    int operatorLength = peek() == '^' ? 1 : input.startsWith("**", pos) ? 2 : 0;
    if (operatorLength == 0) {
      return base;
    }
    pos += operatorLength;
    enter();
    BigDecimal exponent = unary();
    depth--;
    return checked(BigMath.power(base, exponent));
  }

  private BigDecimal primary() {
    skipSpaces();
    if (pos >= input.length()) {
      throw new ToolException("The expression ends too early: a number, name or '(' is missing at the end. " + HELP);
    }
    char c = input.charAt(pos);
    if (isDigit(c) || c == '.') {
      return number();
    }
    if (isLetter(c)) {
      int start = pos;
      while (pos < input.length() && (isLetter(input.charAt(pos)) || isDigit(input.charAt(pos)))) {
        pos++;
      }
      String name = input.substring(start, pos).toLowerCase(Locale.ROOT);
      skipSpaces();
      return peek() == '(' ? call(name, start) : constant(name, start);
    }
    if (c == '(') {
      enter();
      pos++;
      BigDecimal value = expression();
      expectClosing();
      depth--;
      return value;
    }
    throw unexpected("a number, name or '(' was expected here");
  }

  private BigDecimal number() {
    int start = pos;
    while (pos < input.length() && isDigit(input.charAt(pos))) {
      pos++;
    }
    if (peek() == '.') {
      pos++;
      while (pos < input.length() && isDigit(input.charAt(pos))) {
        pos++;
      }
    }
    if (pos - start == 1 && input.charAt(start) == '.') {
      pos = start;
      throw unexpected("a lone '.' is not a number");
    }
    if ((peek() == 'e' || peek() == 'E') && exponentFollows(pos + 1)) {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      while (pos < input.length() && isDigit(input.charAt(pos))) {
        pos++;
      }
    }
    String text = input.substring(start, pos);
    try {
      return checked(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw new ToolException("The number " + text + " is out of range: numbers must be smaller than 1e1000.");
    }
  }

  private boolean exponentFollows(int at) {
    int i = at;
    if (i < input.length() && (input.charAt(i) == '+' || input.charAt(i) == '-')) {
      i++;
    }
    return i < input.length() && isDigit(input.charAt(i));
  }

  private BigDecimal constant(String name, int start) {
    if (name.equals("pi")) {
      return BigMath.PI.round(BigMath.WORK);
    }
    if (name.equals("e")) {
      return BigMath.E.round(BigMath.WORK);
    }
    if (FUNCTIONS.contains(name)) {
      throw new ToolException("The function " + name + " at position " + (start + 1)
          + " needs its argument in parentheses, e.g. " + name + "(2).");
    }
    throw new ToolException("Unknown name '" + name + "' at position " + (start + 1)
        + ". The only constants are pi and e; there are no variables. " + HELP);
  }

  private BigDecimal call(String name, int start) {
    if (!FUNCTIONS.contains(name)) {
      throw new ToolException("Unknown function '" + name + "' at position " + (start + 1)
          + ". Available functions: " + String.join(", ", FUNCTIONS) + ".");
    }
    enter();
    pos++; // '('
    List<BigDecimal> args = new ArrayList<>();
    skipSpaces();
    if (peek() != ')') {
      args.add(expression());
      skipSpaces();
      while (peek() == ',') {
        pos++;
        args.add(expression());
        skipSpaces();
      }
    }
    expectClosing();
    depth--;
    return checked(apply(name, args));
  }

  private static BigDecimal apply(String name, List<BigDecimal> args) {
    switch (name) {
      case "min":
      case "max":
        if (args.isEmpty()) {
          throw new ToolException(name + "() needs at least one argument, e.g. " + name + "(3, 7).");
        }
        BigDecimal best = args.get(0);
        for (BigDecimal arg : args) {
          best = name.equals("min") ? best.min(arg) : best.max(arg);
        }
        return best;
      case "round":
        if (args.size() != 1 && args.size() != 2) {
          throw new ToolException("round() takes a number and optionally a count of decimal places, e.g. round(2.345, 2).");
        }
        return round(args);
      default:
        if (args.size() != 1) {
          throw new ToolException(name + "() takes exactly one argument but got " + args.size() + ", e.g. " + name + "(2).");
        }
        return apply(name, args.get(0));
    }
  }

  private static BigDecimal apply(String name, BigDecimal x) {
    switch (name) {
      case "sqrt":
        if (x.signum() < 0) {
          throw new ToolException("sqrt(" + Format.plain(x) + ") is not a real number: the argument must not be negative.");
        }
        return x.sqrt(BigMath.WORK);
      case "abs":
        return x.abs();
      case "floor":
        return x.setScale(0, RoundingMode.FLOOR);
      case "ceil":
        return x.setScale(0, RoundingMode.CEILING);
      case "ln":
        return BigMath.ln(x);
      case "log10":
        if (x.signum() <= 0) {
          throw new ToolException("log10(" + Format.plain(x) + ") is undefined: the argument must be greater than 0.");
        }
        return BigMath.ln(x).divide(BigMath.LN10, BigMath.WORK);
      case "exp":
        return BigMath.exp(x);
      case "sin":
        return BigMath.sin(x);
      case "cos":
        return BigMath.cos(x);
      case "tan":
        return BigMath.tan(x);
      case "factorial":
        return BigMath.factorial(x);
      default:
        throw new IllegalStateException("FUNCTIONS names '" + name + "' but this switch has no case for it");
    }
  }

  private static BigDecimal round(List<BigDecimal> args) {
    int places = 0;
    if (args.size() == 2) {
      BigDecimal digits = BigMath.integerOrNull(args.get(1));
      if (digits == null || digits.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new ToolException("The second argument of round() must be a whole number of decimal places from -100 to 100.");
      }
      places = digits.intValue();
    }
    // Half away from zero, as people round by hand: round(2.5) = 3, round(-2.5) = -3.
    return args.get(0).setScale(places, RoundingMode.HALF_UP);
  }

  private static BigDecimal checked(BigDecimal value) {
    BigDecimal magnitude = value.abs();
    if (magnitude.compareTo(BigMath.MAX) >= 0) {
      throw new ToolException("Overflow: the result is 1e1000 or larger in magnitude, beyond what this calculator handles.");
    }
    if (magnitude.signum() != 0 && magnitude.compareTo(BigMath.MIN) < 0) {
      return BigDecimal.ZERO;
    }
    return value.round(BigMath.WORK);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ToolException("The expression is nested too deeply: at most " + MAX_DEPTH
          + " levels of parentheses, function calls and powers. Split it into smaller steps.");
    }
  }

  private void expectClosing() {
    skipSpaces();
    if (peek() != ')') {
      if (pos >= input.length()) {
        throw new ToolException("A ')' is missing at the end of the expression: every '(' needs a matching ')'.");
      }
      throw unexpected("')' or an operator was expected here");
    }
    pos++;
  }

  private ToolException unexpected(String why) {
    char c = input.charAt(pos);
    String shown = c >= ' ' && c != 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
    return new ToolException("Unexpected '" + shown + "' at position " + (pos + 1) + ": " + why + ". " + HELP);
  }

  private char peek() {
    return pos < input.length() ? input.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
