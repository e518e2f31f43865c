package dev.conduit.agent.pricing;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.Usage;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per model, used to report what a run cost. A model without a price has an unknown cost,
 * never a zero one.
 *
 * <pre>{@code
 * Pricing pricing = Pricing.builder()
 *     .price("gpt-5.1", ModelPrice.perMillion("0.265", "2.206"))
 *     .build();
 * pricing.costOf("gpt-5.1", usage);   // Optional[0.0031...]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Pricing {
  private static final Pricing NONE = new Pricing(Map.of());
  private final Map<String, ModelPrice> prices;

  private Pricing(Map<String, ModelPrice> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** No prices: every cost is unknown. */
  public static Pricing none() {
    return NONE;
  }

  /** One price for {@code model}. */
  public static Pricing of(String model, ModelPrice price) {
    return builder().price(model, price).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<ModelPrice> priceOf(String model) {
    return Optional.ofNullable(prices.get(model));
  }

  /** The cost in US dollars of {@code usage} on {@code model}, or empty when the model has no price. */
  public Optional<BigDecimal> costOf(String model, Usage usage) {
    return priceOf(model).map(p -> p.costOf(usage));
  }

  @Override
  public String toString() {
    return "Pricing" + prices;
  }

  /** Builds {@link Pricing}. */
  public static final class Builder {
    private final Map<String, ModelPrice> prices = new LinkedHashMap<>();

    private Builder() {}

    public Builder price(String model, ModelPrice price) {
      requireNonNull(model, "model");
      requireNonNull(price, "price");
      if (model.isBlank()) {
        throw new IllegalArgumentException("model name is blank: name the model the price is for, e.g. gpt-5.1");
      }
      prices.put(model, price);
      return this;
    }

    public Pricing build() {
      return new Pricing(prices);
    }
  }
}
