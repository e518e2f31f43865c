package dev.conduit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.tool.ToolDefinition;
import dev.conduit.agent.tool.Toolbox;
import dev.conduit.tools.calc.CalculatorTools;
import dev.conduit.tools.search.SearchResult;
import dev.conduit.tools.search.SearchTools;
import dev.conduit.tools.time.ClockTools;
import dev.conduit.tools.weather.WeatherTools;
import dev.conduit.tools.web.FetchPageTools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ready tools as an agent sees them: read by Toolbox into strict schemas, called with the model's JSON. */
class ReadyToolsThroughToolboxTest {
  private final Toolbox toolbox = Toolbox.of(
      new CalculatorTools(),
      new ClockTools(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC)),
      new WeatherTools("http://127.0.0.1:9", "http://127.0.0.1:9"),
      new SearchTools((query, max) -> List.of(new SearchResult("Conduit", "https://example.com/conduit", "A Java library"))),
      new FetchPageTools());

  private ToolResult call(String name, String args) throws InterruptedException {
    return toolbox.execute(new ToolCall("c1", name, args)).result();
  }

  @Test
  void everyReadyToolHasAStrictSchemaWithADescription() {
    assertThat(toolbox.names()).contains("calculate", "currentTime", "convertTime", "addToDateTime", "daysBetween",
        "currentWeather", "forecast", "search", "fetchPage");
    for (ToolDefinition definition : toolbox.definitions()) {
      assertThat(definition.strict()).as(definition.name()).isTrue();
      assertThat(definition.description()).as(definition.name()).isNotBlank();
      assertThat(definition.parametersJson()).as(definition.name()).contains("\"additionalProperties\":false");
    }
  }

  @Test
  void theModelsJsonReachesTheToolsAndTheirResultsComeBackAsJson() throws InterruptedException {
    assertThat(call("calculate", "{\"expression\":\"2 * (3 + 4)\"}").content())
        .isEqualTo("{\"expression\":\"2 * (3 + 4)\",\"result\":\"14\"}");
    assertThat(call("currentTime", "{\"zone\":null}").content()).contains("\"dateTime\":\"2026-11-23T12:00:00");
    assertThat(call("search", "{\"query\":\"conduit\",\"maxResults\":null}").content()).contains("https://example.com/conduit");
  }

  @Test
  void toolErrorsReachTheModelAsTextItCanActOn() throws InterruptedException {
    ToolResult badZone = call("currentTime", "{\"zone\":\"Mars/Olympus\"}");
    assertThat(badZone.isError()).isTrue();
    assertThat(badZone.content()).startsWith("Error: Unknown time zone 'Mars/Olympus': expected an IANA zone id");

    ToolResult blocked = call("fetchPage", "{\"url\":\"http://169.254.169.254/latest/meta-data\"}");
    assertThat(blocked.isError()).isTrue();
    assertThat(blocked.content()).startsWith("Error: The URL http://169.254.169.254/latest/meta-data is not allowed");

    ToolResult divide = call("calculate", "{\"expression\":\"1/0\"}");
    assertThat(divide.isError()).isTrue();
  }
}
