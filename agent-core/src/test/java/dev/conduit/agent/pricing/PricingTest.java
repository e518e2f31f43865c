package dev.conduit.agent.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricingTest {
  @Test
  void costIsInputTimesInputPricePlusOutputTimesOutputPriceOverAMillion() {
    ModelPrice price = ModelPrice.perMillion("0.265", "2.206");
    // (12,000 × 0.265 + 3,000 × 2.206) / 1,000,000 = 0.003180 + 0.006618
    assertThat(price.costOf(new Usage(12_000, 3_000, 0, 0))).isEqualByComparingTo("0.009798");
  }

  @Test
  void cachedInputTokensAreChargedAtTheCachedPriceWhenOneIsGiven() {
    ModelPrice price = ModelPrice.perMillion("1.25", "10").withCachedInput("0.125");
    // (8,000 × 1.25 + 2,000 × 0.125 + 1,000 × 10) / 1,000,000
    assertThat(price.costOf(new Usage(10_000, 1_000, 2_000, 0))).isEqualByComparingTo("0.02025");
  }

  @Test
  void withoutACachedPriceCachedTokensCostTheInputPrice() {
    ModelPrice price = ModelPrice.perMillion("1", "1");
    assertThat(price.costOf(new Usage(1_000_000, 0, 900_000, 0))).isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void aModelWithoutAPriceHasAnUnknownCostNotZero() {
    Pricing pricing = Pricing.of("gpt-5.1", ModelPrice.perMillion("0.265", "2.206"));
    assertThat(pricing.costOf("gpt-4o", new Usage(10, 10, 0, 0))).isEmpty();
    assertThat(Pricing.none().costOf("gpt-5.1", new Usage(10, 10, 0, 0))).isEmpty();
  }

  @Test
  void badPricesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> ModelPrice.perMillion("-1", "2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("inputPerMillion cannot be negative, got -1");
    assertThatThrownBy(() -> ModelPrice.perMillion("0.1", "two"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outputPerMillion is not a number: 'two' (expected dollars per 1M tokens, e.g. 0.265)");
    assertThatThrownBy(() -> Pricing.builder().price(" ", ModelPrice.perMillion("1", "1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model name is blank");
  }
}
