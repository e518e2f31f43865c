package dev.conduit.agent;

import static java.util.Objects.requireNonNull;

/**
 * A run's result with its final answer read as {@code T}.
 *
 * <pre>{@code
 * record WeatherReport(String city, double temperatureC, String summary) {}
 * WeatherReport report = agent.run("Weather in Tokyo?", WeatherReport.class).output();
 * }</pre>
 *
 * @param output the final answer, parsed
 * @param run everything else about the run: usage, cost, messages
 */
public record TypedRunResult<T>(T output, RunResult run) {
  public TypedRunResult {
    requireNonNull(output, "output");
    requireNonNull(run, "run");
  }
}
