package dev.conduit.examples;

import dev.conduit.tools.time.ClockTools;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weather "QUESTION"}: an agent with the Open-Meteo weather tools and the clock tools. */
@Command(name = "weather", mixinStandardHelpOptions = true,
    description = "Ask about the weather anywhere (Open-Meteo weather tools and clock tools).%n"
        + "Open-Meteo URLs: env OPEN_METEO_FORECAST_URL and OPEN_METEO_GEOCODING_URL, when set.")
final class WeatherCommand implements Callable<Integer> {
  static final String INSTRUCTIONS = "You are a concise weather assistant. Use the tools for every fact about "
      + "weather and time; call them in parallel for several places. If a tool fails, say so plainly and do not "
      + "guess the missing values.";

  private final ConduitCli.Console console;

  @Mixin
  ModelOptions options = new ModelOptions();

  @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "e.g. \"What's the weather in Tokyo and Paris?\"")
  List<String> question = List.of();

  WeatherCommand(ConduitCli.Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    return Ask.run(console, options, question, DemoModels::weather,
        agent -> agent.instructions(INSTRUCTIONS).tools(ExampleTools.weather(console.env()), new ClockTools()));
  }
}
