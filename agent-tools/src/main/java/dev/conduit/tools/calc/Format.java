package dev.conduit.tools.calc;

import java.math.BigDecimal;

/** How numbers are written back to the model: plain digits where that stays short, else scientific. */
final class Format {
  private Format() {}

  static String plain(BigDecimal value) {
    BigDecimal v = value.round(BigMath.RESULT).stripTrailingZeros();
    if (v.signum() == 0) {
      return "0";
    }
    int exponent = v.precision() - v.scale() - 1;
    return exponent >= -20 && exponent < 34 ? v.toPlainString() : v.toString();
  }
}
