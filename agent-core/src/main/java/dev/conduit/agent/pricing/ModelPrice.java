package dev.conduit.agent.pricing;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * What one model costs, in US dollars per million tokens.
 *
 * <pre>{@code
 * ModelPrice gpt51 = ModelPrice.perMillion("0.265", "2.206");             // input, output
 * ModelPrice cached = ModelPrice.perMillion("1.25", "10.00").withCachedInput("0.125");
 * }</pre>
 *
 * @param inputPerMillion price of one million input tokens
 * @param cachedInputPerMillion price of one million cached input tokens, if the provider discounts them
 * @param outputPerMillion price of one million output tokens (reasoning tokens included)
 */
public record ModelPrice(BigDecimal inputPerMillion, Optional<BigDecimal> cachedInputPerMillion, BigDecimal outputPerMillion) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ModelPrice {
    requireNonNull(inputPerMillion, "inputPerMillion");
    requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
    requireNonNull(outputPerMillion, "outputPerMillion");
    requireNotNegative("inputPerMillion", inputPerMillion);
    requireNotNegative("outputPerMillion", outputPerMillion);
    cachedInputPerMillion.ifPresent(p -> requireNotNegative("cachedInputPerMillion", p));
  }

  public static ModelPrice perMillion(String inputPerMillion, String outputPerMillion) {
    return new ModelPrice(parse("inputPerMillion", inputPerMillion), Optional.empty(), parse("outputPerMillion", outputPerMillion));
  }

  public static ModelPrice perMillion(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    return new ModelPrice(inputPerMillion, Optional.empty(), outputPerMillion);
  }

  public ModelPrice withCachedInput(String cachedInputPerMillion) {
    return new ModelPrice(inputPerMillion, Optional.of(parse("cachedInputPerMillion", cachedInputPerMillion)), outputPerMillion);
  }

  /**
   * The cost of {@code usage}: (input × input price + output × output price) / 1,000,000, where
   * cached input tokens are charged at the cached price when one is set.
   */
  public BigDecimal costOf(Usage usage) {
    BigDecimal input;
    if (cachedInputPerMillion.isPresent()) {
      long cached = Math.min(usage.cachedInputTokens(), usage.inputTokens());
      input = BigDecimal.valueOf(usage.inputTokens() - cached).multiply(inputPerMillion)
          .add(BigDecimal.valueOf(cached).multiply(cachedInputPerMillion.get()));
    } else {
      input = BigDecimal.valueOf(usage.inputTokens()).multiply(inputPerMillion);
    }
    BigDecimal output = BigDecimal.valueOf(usage.outputTokens()).multiply(outputPerMillion);
    return input.add(output).divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
  }

  private static BigDecimal parse(String field, String value) {
    requireNonNull(value, field);
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number: '" + value + "' (expected dollars per 1M tokens, e.g. 0.265)");
    }
  }

  private static void requireNotNegative(String field, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " cannot be negative, got " + value.toPlainString());
    }
  }
}
