package dev.conduit.tools.calc;

import dev.conduit.agent.tool.ToolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions on BigDecimal. Intermediate values carry 50 significant digits, 16 guard digits
 * beyond DECIMAL128's 34, so the final result rounded to DECIMAL128 is right in its last place for
 * ordinary input: ln(e) is 1 and log10(1000) is 3, not 0.999...
 */
final class BigMath {
  static final MathContext WORK = new MathContext(50, RoundingMode.HALF_EVEN);
  static final MathContext RESULT = MathContext.DECIMAL128;

  static final BigDecimal PI =
      new BigDecimal("3.141592653589793238462643383279502884197169399375105820974944592307816");
  static final BigDecimal E =
      new BigDecimal("2.718281828459045235360287471352662497757247093699959574966967627724077");
  static final BigDecimal LN10 =
      new BigDecimal("2.302585092994045684017991454684364207601101488628772976033327900967573");

  /** Results at or beyond this magnitude are an overflow; below its inverse they flush to zero. */
  static final BigDecimal MAX = BigDecimal.ONE.scaleByPowerOfTen(1000);
  static final BigDecimal MIN = BigDecimal.ONE.scaleByPowerOfTen(-1000);

  /** exp(x) reaches MAX at x = 1000 * ln(10) = 2302.585... */
  private static final BigDecimal EXP_LIMIT = new BigDecimal("2302.585092994045684017991454684364207601");
  /** Beyond this, the 34 digits of the argument no longer pin down its angle mod 2 pi. */
  private static final BigDecimal TRIG_LIMIT = BigDecimal.ONE.scaleByPowerOfTen(20);
  private static final BigDecimal EPSILON = BigDecimal.ONE.scaleByPowerOfTen(-60);
  /**
   * The angle reduction is exact to about 1e-48, so a sine or cosine below this is indistinguishable from
   * 0: sin(pi) is 0, not 1E-51.
   */
  private static final BigDecimal TRIG_ZERO = BigDecimal.ONE.scaleByPowerOfTen(-40);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private BigMath() {}

  static BigDecimal exp(BigDecimal x) {
    if (x.compareTo(EXP_LIMIT) >= 0) {
      throw new ToolException("Overflow: exp(" + Format.plain(x) + ") is larger than 1e1000.");
    }
    if (x.compareTo(EXP_LIMIT.negate()) <= 0) {
      return BigDecimal.ZERO;
    }
    // Halve until |r| < 0.5 so the series converges fast, then square back up.
    int halvings = 0;
    BigDecimal r = x;
    while (r.abs().compareTo(HALF) >= 0) {
      r = r.divide(TWO, WORK);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n < 200; n++) {
      term = term.multiply(r, WORK).divide(BigDecimal.valueOf(n), WORK);
      sum = sum.add(term, WORK);
      if (term.abs().compareTo(EPSILON) < 0) {
        break;
      }
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, WORK);
    }
    return sum;
  }

  static BigDecimal ln(BigDecimal x) {
    if (x.signum() <= 0) {
      throw new ToolException("ln(" + Format.plain(x) + ") is undefined: the argument must be greater than 0.");
    }
    // x = m * 10^k with m in [1, 10); ln(m) by atanh after three square roots bring m below 1.34.
    int k = x.precision() - x.scale() - 1;
    BigDecimal m = x.scaleByPowerOfTen(-k);
    int roots = 3;
    for (int i = 0; i < roots; i++) {
      m = m.sqrt(WORK);
    }
    BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WORK);
    BigDecimal z2 = z.multiply(z, WORK);
    BigDecimal power = z;
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 1; n < 400; n += 2) {
      BigDecimal term = power.divide(BigDecimal.valueOf(n), WORK);
      sum = sum.add(term, WORK);
      if (term.abs().compareTo(EPSILON) < 0) {
        break;
      }
      power = power.multiply(z2, WORK);
    }
    // ln(m) = 2^roots * ln(m^(1/2^roots)), and ln(y) = 2 * atanh(z)
    BigDecimal lnM = sum.multiply(BigDecimal.valueOf(1L << (roots + 1)), WORK);
    return lnM.add(LN10.multiply(BigDecimal.valueOf(k), WORK), WORK);
  }

  static BigDecimal sin(BigDecimal x) {
    return snapToZero(sinSeries(x));
  }

  static BigDecimal cos(BigDecimal x) {
    return snapToZero(cosSeries(x));
  }

  private static BigDecimal snapToZero(BigDecimal value) {
    return value.abs().compareTo(TRIG_ZERO) < 0 ? BigDecimal.ZERO : value;
  }

  private static BigDecimal sinSeries(BigDecimal x) {
    BigDecimal r = reduceAngle(x, "sin");
    BigDecimal r2 = r.multiply(r, WORK).negate();
    BigDecimal term = r;
    BigDecimal sum = r;
    for (int n = 1; n < 200; n++) {
      term = term.multiply(r2, WORK).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), WORK);
      sum = sum.add(term, WORK);
      if (term.abs().compareTo(EPSILON) < 0) {
        break;
      }
    }
    return sum;
  }

  private static BigDecimal cosSeries(BigDecimal x) {
    BigDecimal r = reduceAngle(x, "cos");
    BigDecimal r2 = r.multiply(r, WORK).negate();
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int n = 1; n < 200; n++) {
      term = term.multiply(r2, WORK).divide(BigDecimal.valueOf((2L * n - 1) * (2L * n)), WORK);
      sum = sum.add(term, WORK);
      if (term.abs().compareTo(EPSILON) < 0) {
        break;
      }
    }
    return sum;
  }

  static BigDecimal tan(BigDecimal x) {
    BigDecimal cos = cos(x);
    if (cos.signum() == 0) {
      throw new ToolException("tan(" + Format.plain(x) + ") is undefined: its cosine is 0.");
    }
    return sin(x).divide(cos, WORK);
  }

  static BigDecimal factorial(BigDecimal x) {
    BigDecimal n = integerOrNull(x);
    if (n == null || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(170)) > 0) {
      throw new ToolException(
          "factorial(" + Format.plain(x) + ") is not supported: the argument must be a whole number from 0 to 170.");
    }
    BigInteger product = BigInteger.ONE;
    for (int i = 2; i <= n.intValue(); i++) {
      product = product.multiply(BigInteger.valueOf(i));
    }
    return new BigDecimal(product);
  }

  static BigDecimal power(BigDecimal base, BigDecimal exponent) {
    if (exponent.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new ToolException(
          "The exponent " + Format.plain(exponent) + " is too large: exponents must be between -1000 and 1000.");
    }
    BigDecimal whole = integerOrNull(exponent);
    if (base.signum() == 0) {
      if (exponent.signum() < 0) {
        throw new ToolException("Division by zero: 0 cannot be raised to a negative power.");
      }
      return exponent.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (whole != null) {
      return base.pow(whole.intValue(), WORK);
    }
    if (base.signum() < 0) {
      throw new ToolException("A negative number raised to a fractional power is not a real number: "
          + Format.plain(base) + "^" + Format.plain(exponent) + ".");
    }
    return exp(exponent.multiply(ln(base), WORK));
  }

  /** The value as a whole number, or null when it has a fractional part. */
  static BigDecimal integerOrNull(BigDecimal x) {
    BigDecimal stripped = x.stripTrailingZeros();
    return stripped.scale() <= 0 ? stripped.setScale(0) : null;
  }

  private static BigDecimal reduceAngle(BigDecimal x, String function) {
    if (x.abs().compareTo(TRIG_LIMIT) > 0) {
      throw new ToolException(function + "(" + Format.plain(x)
          + ") is not supported: the angle (in radians) must be between -1e20 and 1e20.");
    }
    BigDecimal twoPi = PI.multiply(TWO);
    BigDecimal turns = x.divide(twoPi, 0, RoundingMode.HALF_EVEN);
    return x.subtract(twoPi.multiply(turns), WORK);
  }
}
