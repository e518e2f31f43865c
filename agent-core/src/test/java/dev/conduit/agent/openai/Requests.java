package dev.conduit.agent.openai;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.ImagePart;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.TextPart;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ReasoningEffort;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.model.ToolChoice;
import dev.conduit.agent.tool.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Requests used across the wire tests. */
final class Requests {
  static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Get the current weather for a city",
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],"
          + "\"additionalProperties\":false}", true);
  static final ToolDefinition LOOSE = new ToolDefinition("search", "Search the web",
      "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"},\"filters\":{\"type\":\"object\","
          + "\"additionalProperties\":{\"type\":\"string\"}}},\"required\":[\"q\"]}", false);
  static final String COLOR_SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},"
      + "\"required\":[\"name\"],\"additionalProperties\":false}";
  static final ToolCall PARIS = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
  static final ToolCall BOSTON = new ToolCall("call_2", "get_weather", "{\"city\":\"Boston\"}");
  static final Reasoning REASONING = new Reasoning(Optional.of("rs_1"), "", List.of("Looking up two cities."),
      Optional.of("gAAAAencrypted"));

  private Requests() {}

  static ModelRequest simple(String text) {
    return new ModelRequest("gpt-5.1", List.of(UserMessage.of(text)), List.of(), ModelSettings.defaults());
  }

  /** A whole tool round-trip: instructions, a user turn with images, tool calls and their results. */
  static List<Message> toolRoundTrip() {
    return List.of(
        new SystemMessage("You are a weather bot."),
        UserMessage.of(new TextPart("Weather in Paris and Boston? And what is in these pictures?"),
            ImagePart.fromUrl("https://example.com/cat.png").withDetail("low"),
            ImagePart.fromBytes("PNG".getBytes(StandardCharsets.US_ASCII), "image/png")),
        new AssistantMessage("Let me check.", List.of(PARIS, BOSTON), List.of(REASONING), Optional.empty()),
        ToolResult.success(PARIS, "{\"temp_c\":18}"),
        ToolResult.error(BOSTON, "Error: tool 'get_weather' failed (IllegalStateException)."));
  }

  static ModelSettings everySetting() {
    return ModelSettings.builder()
        .temperature(0.2)
        .topP(0.9)
        .frequencyPenalty(0.5)
        .presencePenalty(-0.5)
        .maxOutputTokens(800)
        .stop(List.of("END", "STOP"))
        .responseFormat(ResponseFormat.jsonSchema("color", COLOR_SCHEMA))
        .reasoningEffort(ReasoningEffort.LOW)
        .reasoningSummary("auto")
        .toolChoice(ToolChoice.tool("get_weather"))
        .parallelToolCalls(false)
        .store(false)
        .build();
  }

  static ModelRequest everything() {
    return new ModelRequest("gpt-5.1", toolRoundTrip(), List.of(WEATHER, LOOSE), everySetting());
  }
}
