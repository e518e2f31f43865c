package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.Agent;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.pricing.ModelPrice;
import dev.conduit.agent.testing.ScriptedModel.Turn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(60)
class GatewaysTest {
  private static final String DUMMY_KEY = "sk-dummy-not-a-real-key";

  @Test
  void everyGatewayConfigurationBuildsWithoutTheNetwork() {
    List<Gateway> all = List.of(Gateways.openAi(Endpoint.RESPONSES), Gateways.openAi(Endpoint.CHAT_COMPLETIONS),
        Gateways.apiModels("https://gateway.example/v1"), Gateways.aimlApi(Endpoint.CHAT_COMPLETIONS),
        Gateways.aimlApi(Endpoint.RESPONSES), Gateways.evolink("gpt-5.1"), Gateways.evolink("gpt-5.1-thinking"),
        Gateways.starmagic("gpt-5.1"), Gateways.starmagic("gpt-5.1-chat"), Gateways.starmagic("gpt-5.1-thinking"));

    for (Gateway gateway : all) {
      Agent agent = gateway.agent(DUMMY_KEY).instructions("You are a concise weather assistant.").build();
      assertThat(agent.toString()).contains(gateway.model()).doesNotContain(DUMMY_KEY);
      assertThat(gateway.client(DUMMY_KEY).toString()).doesNotContain(DUMMY_KEY);
    }
  }

  @Test
  void eachGatewayHasTheDocumentedUrlModelAndSettings() {
    assertThat(Gateways.openAi(Endpoint.RESPONSES)).extracting(Gateway::baseUrl, Gateway::model, Gateway::price)
        .containsExactly("https://api.openai.com/v1", "gpt-5.1", Optional.empty());
    assertThat(Gateways.apiModels("https://gateway.example/v1"))
        .extracting(Gateway::model, Gateway::endpoint, g -> g.settings().tokenLimitParameter().wireName(), Gateway::price)
        .containsExactly("gpt-5.1-2025-11-13", Endpoint.CHAT_COMPLETIONS, "max_tokens",
            Optional.of(ModelPrice.perMillion("0.265", "2.206")));
    assertThat(Gateways.aimlApi(Endpoint.RESPONSES)).extracting(Gateway::baseUrl, Gateway::model, Gateway::endpoint)
        .containsExactly("https://api.aimlapi.com/v1", "openai/gpt-5-1", Endpoint.RESPONSES);
    assertThat(Gateways.evolink("gpt-5.1-thinking"))
        .extracting(Gateway::baseUrl, Gateway::fallbackBaseUrl, g -> g.settings().tokenLimitParameter().wireName())
        .containsExactly("https://direct.evolink.ai/v1", Optional.of("https://api.evolink.ai/v1"), "max_tokens");
    assertThat(Gateways.starmagic("gpt-5.1-chat")).extracting(Gateway::baseUrl, Gateway::model, Gateway::price)
        .containsExactly("https://api.starmagic.ai/v1", "gpt-5.1-chat", Optional.empty());
    assertThatThrownBy(() -> Gateways.starmagic("gpt-5"))
        .hasMessage("starmagic model must be gpt-5.1, gpt-5.1-chat or gpt-5.1-thinking, got: gpt-5");
  }

  @Test
  void apiModelsSendsMaxTokensAndPricesTheRun() {
    try (ModelStandIn model = new ModelStandIn(request -> Turn.text("Sunny in Tokyo."))) {
      Gateway gateway = Gateways.apiModels("https://gateway.example/v1").withBaseUrl(model.baseUrl());
      Agent agent = gateway.agent(ModelStandIn.KEY)
          .settings(gateway.settings().toBuilder().maxOutputTokens(500).build())
          .build();

      RunResult result = agent.run("Weather in Tokyo?");

      JsonNode sent = model.requests().get(0);
      assertThat(sent.path("model").asString()).isEqualTo("gpt-5.1-2025-11-13");
      assertThat(sent.path("max_tokens").asInt()).isEqualTo(500);
      assertThat(sent.has("max_completion_tokens")).isFalse();
      // (150 × 0.265 + 40 × 2.206) / 1,000,000
      assertThat(result.cost()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(new BigDecimal("0.00012799")));
    }
  }

  @Test
  void evolinkThinkingReasoningContentIsKeptAsReasoning() {
    AssistantMessage thought = new AssistantMessage("Sunny in Tokyo.", List.of(),
        List.of(Reasoning.ofText("The user wants Tokyo's weather.")), Optional.empty());
    try (ModelStandIn model = new ModelStandIn(
        request -> Turn.of(ModelResponse.of(thought, FinishReason.STOP, new Usage(1, 1, 0, 0))))) {
      Agent agent = Gateways.evolink("gpt-5.1-thinking").withBaseUrl(model.baseUrl()).agent(ModelStandIn.KEY).build();

      RunResult result = agent.run("Weather in Tokyo?");

      assertThat(model.requests().get(0).path("model").asString()).isEqualTo("gpt-5.1-thinking");
      assertThat(result.finalText()).isEqualTo("Sunny in Tokyo.");
      assertThat(result.reasoning()).extracting(Reasoning::text).containsExactly("The user wants Tokyo's weather.");
    }
  }

  @Test
  void aimlApiWorksOnBothEndpoints() {
    for (Endpoint endpoint : Endpoint.values()) {
      try (ModelStandIn model = new ModelStandIn(request -> Turn.text("Sunny in Tokyo."))) {
        Agent agent = Gateways.aimlApi(endpoint).withBaseUrl(model.baseUrl()).agent(ModelStandIn.KEY).build();

        assertThat(agent.run("Weather in Tokyo?").finalText()).isEqualTo("Sunny in Tokyo.");
        assertThat(model.requests().get(0).path("model").asString()).isEqualTo("openai/gpt-5-1");
        assertThat(model.requests().get(0).has(endpoint == Endpoint.RESPONSES ? "input" : "messages")).isTrue();
      }
    }
  }
}
