package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract example of DESIGN.md and the README's first example, compiled and run against a
 * local stand-in of the OpenAI API. If this file needs changing, so does the README.
 */
class ReadmeExampleTest {
  @StartStop final MockWebServer primary = new MockWebServer();
  @StartStop final MockWebServer backup = new MockWebServer();

  // README example starts
  public enum Unit { CELSIUS, FAHRENHEIT }

  public record Weather(String location, double temperature, Unit unit, String conditions) {}

  public record WeatherReport(String summary, double warmestTemperature) {}

  public static class WeatherTools {
    @Tool("Get the current weather for a location")
    public Weather currentWeather(@Param("City name, e.g. Tokyo") String location,
                                  @Param(value = "Temperature unit", required = false) Unit unit) {
      Unit u = unit == null ? Unit.CELSIUS : unit;
      double celsius = location.toLowerCase(Locale.ROOT).startsWith("tokyo") ? 21 : 14;
      return new Weather(location, u == Unit.CELSIUS ? celsius : celsius * 9 / 5 + 32, u, "clear");
    }
  }
  // README example ends

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void theContractExampleRunsEndToEnd(Endpoint endpoint) {
    OpenAiWire wire = new OpenAiWire(endpoint, false);
    primary.enqueue(wire.toolCalls(
        new ToolCall("call_1", "currentWeather", "{\"location\":\"Tokyo\",\"unit\":null}"),
        new ToolCall("call_2", "currentWeather", "{\"location\":\"Paris\",\"unit\":\"CELSIUS\"}")));
    primary.enqueue(wire.text("Tokyo: 21 °C and clear. Paris: 14 °C and clear."));
    primary.enqueue(wire.text("{\"summary\":\"Warmer in Tokyo\",\"warmestTemperature\":21}"));

    OpenAiClient client = OpenAiClient.builder()
        .apiKey("sk-readme-example")                            // System.getenv("OPENAI_API_KEY") in real use
        .baseUrl(primary.url("/v1").toString())                 // any OpenAI-compatible gateway
        .fallbackBaseUrl(backup.url("/v1").toString())          // optional
        .endpoint(endpoint)                                     // Endpoint.RESPONSES or Endpoint.CHAT_COMPLETIONS
        .build();

    Agent agent = Agent.builder()
        .client(client)
        .model("gpt-5.1")
        .instructions("You are a concise weather assistant.")
        .tools(new WeatherTools())
        .build();

    RunResult result = agent.run("What's the weather in Tokyo and Paris?");
    WeatherReport report = agent.run("Which city is warmer?", WeatherReport.class).output();

    assertThat(result.finalText()).isEqualTo("Tokyo: 21 °C and clear. Paris: 14 °C and clear.");
    assertThat(result.turns()).isEqualTo(2);
    assertThat(result.usage().inputTokens()).isEqualTo(200);
    assertThat(result.cost()).isEmpty();
    assertThat(result.messages()).hasSize(6);
    assertThat(result.messages().get(4).toString())
        .contains("{\"location\":\"Paris\",\"temperature\":14.0,\"unit\":\"CELSIUS\",\"conditions\":\"clear\"}");
    assertThat(report).isEqualTo(new WeatherReport("Warmer in Tokyo", 21));
    assertThat(backup.getRequestCount()).isZero();
  }
}
