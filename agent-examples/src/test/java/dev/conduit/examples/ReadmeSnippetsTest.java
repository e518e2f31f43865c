package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.guice.ConduitModule;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.pricing.ModelPrice;
import dev.conduit.agent.pricing.Pricing;
import dev.conduit.agent.testing.ScriptedModel.Turn;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.weather.WeatherTools;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README walk-through, compiled and run against a model stand-in. Each region between
 * {@code // README: name} and {@code // README end} appears verbatim in README.md
 * (checked by {@link ReadmeSectionsTest}).
 */
@Timeout(60)
class ReadmeSnippetsTest {
  private static final String apiKey = ModelStandIn.KEY;

  // README: declaring-a-tool
  static final class Forecasts {
    @Tool("Get tomorrow's forecast for a city")
    public String forecast(@Param("City name, e.g. Tokyo") String city,
                           @Param(value = "Temperature unit, C or F; C when omitted", required = false) String unit) {
      if (city.isBlank()) {
        throw new ToolException("The city is empty: give a city name such as Tokyo.");  // the model sees this
      }
      return "Sunny, 21°" + (unit == null ? "C" : unit) + " in " + city;
    }
  }
  // README end

  /** Calls forecast for every city the question names, then answers with what the tool said. */
  private static Turn weatherModel(ModelRequest request) {
    DemoConversation c = DemoConversation.of(request);
    if (c.turn() == 1) {
      return Turn.toolCalls(DemoModels.places(c.question()).stream()
          .map(city -> new ToolCall("call_" + city, "forecast", "{\"city\":\"" + city + "\",\"unit\":null}"))
          .toArray(ToolCall[]::new));
    }
    return Turn.text(c.results("forecast").stream().map(ToolResult::content).collect(Collectors.joining(". ")) + ".");
  }

  private static Agent buildingAnAgent(String baseUrl) {
    // README: building-an-agent
    OpenAiClient client = OpenAiClient.builder()
        .apiKey(apiKey)                 // e.g. System.getenv("OPENAI_API_KEY"); never printed
        .baseUrl(baseUrl)               // e.g. "https://api.openai.com/v1", or any compatible gateway
        .endpoint(Endpoint.RESPONSES)   // or Endpoint.CHAT_COMPLETIONS
        .build();

    Agent agent = Agent.builder()
        .client(client)
        .model("gpt-5.1")
        .instructions("You are a concise weather assistant.")
        .tools(new Forecasts())
        .build();

    RunResult result = agent.run("What's the weather in Tokyo and Paris?");
    System.out.println(result.finalText());
    // README end
    assertThat(result.finalText()).isEqualTo("Sunny, 21°C in Tokyo. Sunny, 21°C in Paris.");
    assertThat(result.turns()).isEqualTo(2);
    return agent;
  }

  @Test
  void declaringAToolAndBuildingAnAgent() {
    try (ModelStandIn model = new ModelStandIn(ReadmeSnippetsTest::weatherModel)) {
      buildingAnAgent(model.baseUrl());
      assertThat(model.requests().get(0).path("tools").toString()).contains("\"name\":\"forecast\"");
    }
  }

  @Test
  void streaming() {
    try (ModelStandIn model = new ModelStandIn(ReadmeSnippetsTest::weatherModel)) {
      Agent agent = buildingAnAgent(model.baseUrl());
      StringBuilder streamed = new StringBuilder();
      // README: streaming
      RunResult result = agent.runStreaming("What's the weather in Tokyo?", event -> {
        if (event instanceof AgentEvent.TextDelta delta) {
          System.out.print(delta.text());               // the answer as it is written
        } else if (event instanceof AgentEvent.ToolCallFinished done) {
          System.out.println(done.call().name() + " took " + done.duration().toMillis() + " ms");
        } else if (event instanceof AgentEvent.ToolCallFailed failed) {
          System.out.println(failed.call().name() + " failed: " + failed.result().content());
        }
      });
      // README end
      agent.runStreaming("What's the weather in Tokyo?", event -> {
        if (event instanceof AgentEvent.TextDelta delta) {
          streamed.append(delta.text());
        }
      });
      assertThat(result.finalText()).isEqualTo("Sunny, 21°C in Tokyo.");
      assertThat(streamed).hasToString("Sunny, 21°C in Tokyo.");
    }
  }

  @Test
  void structuredOutput() {
    try (ModelStandIn model = new ModelStandIn(
        request -> Turn.text("{\"city\":\"Tokyo\",\"temperatureC\":21.0,\"summary\":\"Sunny\"}"))) {
      Agent agent = Agent.builder().client(OpenAiClient.builder().apiKey(apiKey).baseUrl(model.baseUrl()).build())
          .model("gpt-5.1").tools(new Forecasts()).build();
      // README: structured-output
      record WeatherReport(String city, double temperatureC, String summary) {}

      WeatherReport report = agent.run("What's the weather in Tokyo?", WeatherReport.class).output();
      // README end
      assertThat(report).isEqualTo(new WeatherReport("Tokyo", 21.0, "Sunny"));
      assertThat(model.requests().get(0).path("response_format").path("type").asString()).isEqualTo("json_schema");
    }
  }

  @Test
  void cost() {
    try (ModelStandIn model = new ModelStandIn(ReadmeSnippetsTest::weatherModel)) {
      Agent agent = buildingAnAgent(model.baseUrl());
      // README: cost
      Agent priced = agent.toBuilder()
          .model("gpt-5.1-2025-11-13")   // API Models' GPT-5.1 at its published prices per 1M tokens
          .pricing(Pricing.of("gpt-5.1-2025-11-13", ModelPrice.perMillion("0.265", "2.206")))
          .build();

      RunResult result = priced.run("What's the weather in Tokyo?");
      Usage usage = result.usage();   // summed over all turns
      System.out.println(usage.inputTokens() + " input (" + usage.cachedInputTokens() + " cached), "
          + usage.outputTokens() + " output (" + usage.reasoningTokens() + " reasoning), cost "
          + result.cost().map(c -> "$" + c.toPlainString()).orElse("unknown"));
      // README end
      assertThat(usage).isEqualTo(new Usage(300, 80, 100, 20));
      // (300 × 0.265 + 80 × 2.206) / 1,000,000
      assertThat(result.cost()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(new BigDecimal("0.00025598")));
    }
  }

  @Test
  void embeddingWithGuice() {
    try (ModelStandIn model = new ModelStandIn(ReadmeSnippetsTest::weatherModel)) {
      String baseUrl = model.baseUrl();
      // README: guice
      Injector injector = Guice.createInjector(
          ConduitModule.builder()
              .client(OpenAiClient.builder().apiKey(apiKey).baseUrl(baseUrl).build())
              .model("gpt-5.1")
              .configure(agent -> agent.instructions("You answer questions about the weather."))
              .build(),
          new AbstractModule() {
            @Override
            protected void configure() {
              ConduitModule.tools(binder()).addBinding().to(Forecasts.class);
            }
          });

      Agent agent = injector.getInstance(Agent.class);   // one shared, thread-safe agent
      // README end
      assertThat(agent.run("What's the weather in Paris?").finalText()).isEqualTo("Sunny, 21°C in Paris.");
    }
  }

  @Test
  void gatewayConfigurations() {
    String key = "sk-dummy";
    String apiModelsBaseUrl = "https://gateway.example/v1";
    // README: gateways
    Agent openAi = Gateways.openAi(Endpoint.RESPONSES).agent(key).tools(new WeatherTools()).build();
    Agent apiModels = Gateways.apiModels(apiModelsBaseUrl).agent(key).tools(new WeatherTools()).build();  // priced
    Agent aiml = Gateways.aimlApi(Endpoint.CHAT_COMPLETIONS).agent(key).tools(new WeatherTools()).build();
    Agent evolink = Gateways.evolink("gpt-5.1-thinking").agent(key).tools(new WeatherTools()).build();
    Agent starmagic = Gateways.starmagic("gpt-5.1").agent(key).tools(new WeatherTools()).build();
    // README end
    assertThat(java.util.List.of(openAi, apiModels, aiml, evolink, starmagic)).extracting(Agent::toString)
        .allSatisfy(text -> assertThat(text).doesNotContain(key));
  }
}
