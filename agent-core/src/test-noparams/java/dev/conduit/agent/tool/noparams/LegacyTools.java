package dev.conduit.agent.tool.noparams;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;

/** Compiled without {@code -parameters} (see agent-core/pom.xml): Java parameter names are not available here. */
public class LegacyTools {
  @Tool("Forecast for the next days")
  public String forecast(@Param("City name") String city, @Param("Number of days") int days) {
    return city + ":" + days;
  }

  @Tool("Current weather")
  public String weather(@Param(name = "city", value = "City name") String city) {
    return "sunny in " + city;
  }
}
