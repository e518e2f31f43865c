package dev.conduit.agent.bench;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;

/**
 * The benchmark's tool: Conduit reaches it through its {@code Toolbox}, the raw clients call it
 * directly. Instant, so that a run measures the client and not the tool.
 *
 * <pre>{@code
 * Agent agent = Agent.builder().client(client).model("bench-model").tools(new WeatherTools()).build();
 * }</pre>
 */
public final class WeatherTools {
  /** The tool's answer; the stand-in checks that each city's sky reached it. */
  public record Weather(String city, String sky, int celsius) {}

  @Tool(name = Fixture.TOOL_NAME, value = Fixture.TOOL_DESCRIPTION)
  public Weather currentWeather(@Param("City name, e.g. Tokyo") String city) {
    switch (city) {
      case "Tokyo":
        return new Weather(city, "sunny", 18);
      case "Paris":
        return new Weather(city, "cloudy", 12);
      case "Oslo":
        return new Weather(city, "snowing", -3);
      default:
        return new Weather(city, "unknown", 0);
    }
  }
}
