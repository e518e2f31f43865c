package dev.conduit.agent.bench;

/**
 * The one conversation every scenario plays: a question that the stand-in answers with three
 * parallel {@code currentWeather} calls, and tool results that it answers with {@link #ANSWER}.
 */
final class Fixture {
  private Fixture() {}

  static final String MODEL = "bench-model";
  static final String API_KEY = "sk-bench-not-a-secret";
  static final String INSTRUCTIONS = "You are a concise weather assistant.";
  static final String QUESTION = "What's the weather in Tokyo, Paris and Oslo?";
  static final String ANSWER = "Tokyo is sunny, Paris is cloudy and Oslo is snowing.";
  /** What the stand-in answers when the tool results did not all reach it. */
  static final String MISSING = "The tool results are missing.";
  static final String LATENCY_HEADER = "X-Bench-Latency-Ms";

  static final String TOOL_NAME = "currentWeather";
  static final String TOOL_DESCRIPTION = "The current weather in a city";
  /** Byte for byte the schema Conduit derives from {@link WeatherTools#currentWeather}; the raw clients send it as is. */
  static final String TOOL_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
      + "\"description\":\"City name, e.g. Tokyo\"}},\"required\":[\"city\"],\"additionalProperties\":false}";
}
