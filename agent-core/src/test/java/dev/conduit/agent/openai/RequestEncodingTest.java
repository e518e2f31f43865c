package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.internal.Json;
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
import dev.conduit.agent.model.TokenLimitParameter;
import dev.conduit.agent.model.ToolChoice;
import dev.conduit.agent.tool.ToolDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The request body, byte for byte: every field, in the order the API documents them, for both
 * endpoints, streamed and not. The golden files under {@code src/test/resources/golden/openai/request/}
 * are pretty-printed for review; the body must equal them parsed, and equal their compact form
 * character for character (same field order, same number formatting). Run with
 * {@code -Dconduit.golden.update=true} to rewrite them from the actual bodies, then review the diff.
 */
class RequestEncodingTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "openai", "request");

  @ParameterizedTest(name = "{0} {1}, stream={2}")
  @CsvSource({
      "CHAT_COMPLETIONS, everything, false",
      "CHAT_COMPLETIONS, everything, true",
      "CHAT_COMPLETIONS, variants, false",
      "CHAT_COMPLETIONS, variants, true",
      "CHAT_COMPLETIONS, minimal, false",
      "CHAT_COMPLETIONS, minimal, true",
      "RESPONSES, everything, false",
      "RESPONSES, everything, true",
      "RESPONSES, variants, false",
      "RESPONSES, variants, true",
      "RESPONSES, minimal, false",
      "RESPONSES, minimal, true",
      "RESPONSES, continued, false",
  })
  void bodyIsExactlyTheGoldenFile(Endpoint endpoint, String request, boolean stream) {
    byte[] body = client(endpoint).requestBody(request(request), stream);
    String name = (endpoint == Endpoint.CHAT_COMPLETIONS ? "chat" : "responses") + "_" + request
        + (stream ? "_stream" : "") + ".json";

    String golden = golden(name, body);

    assertThat(Json.MAPPER.readTree(body)).isEqualTo(Json.MAPPER.readTree(golden));
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(compact(golden));
  }

  @Test
  void toolSchemasAndResponseSchemasAreEmbeddedAsWrittenNotReformatted() {
    String schema = "{ \"type\" : \"object\",\n  \"properties\" : { } }";
    ModelRequest request = new ModelRequest("m", List.of(UserMessage.of("Hi")),
        List.of(new ToolDefinition("spaced", "A tool whose schema has spaces", schema, false)),
        ModelSettings.builder().responseFormat(ResponseFormat.jsonSchema("spaced", schema)).build());

    for (Endpoint endpoint : Endpoint.values()) {
      String body = new String(client(endpoint).requestBody(request, false), StandardCharsets.UTF_8);

      assertThat(body).contains("\"parameters\":" + schema + ",").contains("\"schema\":" + schema + ",");
    }
  }

  @Test
  void textOutsideAsciiAndCharactersThatNeedEscapingAreWrittenAsUtf8Json() {
    String text = "Grüße, 東京 🌸 \"quoted\" back\\slash\ttab\nline \u0001";
    ModelRequest request = new ModelRequest("m", List.of(UserMessage.of(text)), List.of(), ModelSettings.defaults());

    for (Endpoint endpoint : Endpoint.values()) {
      byte[] body = client(endpoint).requestBody(request, false);
      JsonNode parsed = Json.MAPPER.readTree(body);

      JsonNode content = endpoint == Endpoint.CHAT_COMPLETIONS
          ? parsed.get("messages").get(0).get("content")
          : parsed.get("input").get(0).get("content");
      assertThat(content.asString()).isEqualTo(text);
      assertThat(new String(body, StandardCharsets.UTF_8)).contains("Grüße, 東京 🌸 \\\"quoted\\\" back\\\\slash\\ttab\\nline \\u0001");
    }
  }

  private static OpenAiClient client(Endpoint endpoint) {
    return OpenAiClient.builder().apiKey(Wire.KEY).baseUrl("http://127.0.0.1:9/v1").endpoint(endpoint).build();
  }

  private static ModelRequest request(String name) {
    switch (name) {
      case "everything":
        return Requests.everything();
      case "variants":
        return variants();
      case "minimal":
        return minimal();
      case "continued":
        return continued();
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /** Every branch {@link Requests#everything()} does not take. */
  private static ModelRequest variants() {
    ToolCall lookup = new ToolCall("call_9", "get_weather", "{\"city\":\"Oslo\"}");
    List<Message> messages = List.of(
        new SystemMessage("First instructions."),
        new SystemMessage("Second instructions."),
        UserMessage.of("Plain text only."),
        new AssistantMessage("", List.of(lookup),
            List.of(Reasoning.ofText("chat-style reasoning, no id"),
                new Reasoning(Optional.of("rs_2"), "", List.of(), Optional.empty()),
                new Reasoning(Optional.of("rs_3"), "", List.of("One.", "Two."), Optional.empty())),
            Optional.empty()),
        ToolResult.success(lookup, "{\"sky\":\"snowing\",\"celsius\":-3}"),
        UserMessage.of(ImagePart.fromUrl("https://example.com/only-an-image.png")),
        new AssistantMessage("I cannot help with that.", List.of(), List.of(), Optional.of("Refused: policy.")),
        UserMessage.of("And now?"));
    ModelSettings settings = ModelSettings.builder()
        .temperature(1.0)
        .topP(1.0)
        .maxOutputTokens(1)
        .tokenLimitParameter(TokenLimitParameter.MAX_TOKENS)
        .stop(List.of("x"))
        .responseFormat(ResponseFormat.jsonObject())
        .reasoningSummary("detailed")
        .toolChoice(ToolChoice.required())
        .parallelToolCalls(true)
        .store(true)
        .build();
    return new ModelRequest("gpt-5.1-mini", messages, List.of(Requests.LOOSE), settings);
  }

  /** No tools, yet tool settings, a non-strict schema and an effort without a summary. */
  private static ModelRequest minimal() {
    ModelSettings settings = ModelSettings.builder()
        .toolChoice(ToolChoice.none())
        .parallelToolCalls(false)
        .responseFormat(new ResponseFormat.JsonSchema("loose", "{\"type\":\"object\"}", false))
        .reasoningEffort(ReasoningEffort.HIGH)
        .build();
    return new ModelRequest("m", List.of(UserMessage.of(new TextPart("Hi"))), List.of(), settings);
  }

  /** Responses with previous_response_id: only what followed the last answer is sent. */
  private static ModelRequest continued() {
    List<Message> messages = List.of(
        new SystemMessage("Be brief."),
        UserMessage.of("Weather in Paris?"),
        new AssistantMessage("", List.of(Requests.PARIS), List.of(), Optional.empty()),
        ToolResult.success(Requests.PARIS, "{\"temp_c\":18}"));
    return new ModelRequest("gpt-5.1", messages, List.of(Requests.WEATHER),
        ModelSettings.builder().toolChoice(ToolChoice.auto()).build(), Optional.of("resp_42"));
  }

  private static String golden(String name, byte[] actual) {
    Path file = GOLDEN.resolve(name);
    try {
      if (Boolean.getBoolean("conduit.golden.update")) {
        Files.createDirectories(file.getParent());
        JsonNode tree = Json.MAPPER.readTree(actual);
        Files.writeString(file, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n",
            StandardCharsets.UTF_8);
      }
      if (!Files.exists(file)) {
        throw new AssertionError("Missing golden file " + file.toAbsolutePath()
            + "; run the test with -Dconduit.golden.update=true to create it, then review it");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String compact(String json) {
    return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json));
  }
}
