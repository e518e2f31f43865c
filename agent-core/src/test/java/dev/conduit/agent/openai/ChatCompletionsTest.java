package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Wire.body;
import static dev.conduit.agent.openai.Wire.json;
import static dev.conduit.agent.openai.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelResponseException;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.model.TokenLimitParameter;
import dev.conduit.agent.model.ToolChoice;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(20)
class ChatCompletionsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private OpenAiClient client() {
    return Wire.client(server, Endpoint.CHAT_COMPLETIONS).build();
  }

  private RecordedRequest send(ModelRequest request) throws Exception {
    server.enqueue(ok(Wire.resource("recorded/chat_completion_tool_calls.response.json")));
    client().complete(request);
    return server.takeRequest();
  }

  @Test
  void sendsEveryRequestFieldExactlyAsTheGoldenBody() throws Exception {
    RecordedRequest request = send(Requests.everything());

    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Wire.KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("X-Conduit-Retry-Count")).isEqualTo("0");
    Wire.assertBodyMatchesGolden(request, "chat_every_field.json");
  }

  @Test
  void unsetFieldsAreOmittedNotSentAsNull() throws Exception {
    JsonNode body = body(send(Requests.simple("Hi")));

    assertThat(body).isEqualTo(json("{\"model\":\"gpt-5.1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
  }

  @Test
  void toolChoiceAndParallelToolCallsAreLeftOutWithoutTools() throws Exception {
    ModelSettings settings = ModelSettings.builder().toolChoice(ToolChoice.required()).parallelToolCalls(true).build();
    JsonNode body = body(send(new ModelRequest("m", List.of(UserMessage.of("Hi")), List.of(), settings)));

    assertThat(body.has("tool_choice")).isFalse();
    assertThat(body.has("parallel_tool_calls")).isFalse();
  }

  @Test
  void toolChoiceModesAreSentAsStrings() throws Exception {
    for (ToolChoice choice : List.of(ToolChoice.auto(), ToolChoice.none(), ToolChoice.required())) {
      ModelSettings settings = ModelSettings.builder().toolChoice(choice).parallelToolCalls(true).build();
      JsonNode body = body(send(new ModelRequest("m", List.of(UserMessage.of("Hi")), List.of(Requests.WEATHER), settings)));

      assertThat(body.get("tool_choice").asString()).isEqualTo(((ToolChoice.Mode) choice).wireValue());
      assertThat(body.get("parallel_tool_calls").asBoolean()).isTrue();
    }
  }

  @Test
  void jsonObjectFormatAndMaxTokensForGatewaysThatDocumentIt() throws Exception {
    ModelSettings settings = ModelSettings.builder().responseFormat(ResponseFormat.jsonObject())
        .maxOutputTokens(50).tokenLimitParameter(TokenLimitParameter.MAX_TOKENS).build();
    JsonNode body = body(send(new ModelRequest("m", List.of(UserMessage.of("JSON please")), List.of(), settings)));

    assertThat(body.get("response_format")).isEqualTo(json("{\"type\":\"json_object\"}"));
    assertThat(body.get("max_tokens").asInt()).isEqualTo(50);
    assertThat(body.has("max_completion_tokens")).isFalse();
  }

  @Test
  void streamingAsksForTheUsageChunk() throws Exception {
    server.enqueue(Wire.sse(Wire.resource("recorded/chat_completion_stream_text.sse")));
    client().stream(Requests.simple("Hi"), dev.conduit.agent.model.ModelStreamListener.NONE);

    JsonNode body = body(server.takeRequest());
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.get("stream_options")).isEqualTo(json("{\"include_usage\":true}"));
  }

  @Test
  void readsTheRecordedToolCallCompletion() throws Exception {
    server.enqueue(ok(Wire.resource("recorded/chat_completion_tool_calls.response.json")));

    ModelResponse response = client().complete(Requests.simple("Weather in Boston?"));

    assertThat(response.toolCalls()).containsExactly(
        new ToolCall("call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"));
    assertThat(response.message().text()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new Usage(82, 17, 0, 0));
    assertThat(response.responseId()).contains("chatcmpl-abc123");
    assertThat(response.model()).contains("gpt-4o-mini");
    assertThat(response.requestId()).contains("req_200");
  }

  @Test
  void readsTextReasoningContentRefusalAndDetailedUsage() throws Exception {
    server.enqueue(ok("{\"id\":\"c1\",\"model\":\"gpt-5.1-thinking\",\"choices\":[{\"index\":0,\"message\":{"
        + "\"role\":\"assistant\",\"content\":\"Paris is 18 C.\",\"reasoning_content\":\"The tool said 18.\","
        + "\"refusal\":null},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":40,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":64},\"completion_tokens_details\":{\"reasoning_tokens\":30}}}"));

    ModelResponse response = client().complete(Requests.simple("Weather?"));

    assertThat(response.message()).isEqualTo(new AssistantMessage("Paris is 18 C.", List.of(),
        List.of(Reasoning.ofText("The tool said 18.")), Optional.empty()));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage()).isEqualTo(new Usage(100, 40, 64, 30));
  }

  @Test
  void mapsRefusalLengthAndContentFilter() throws Exception {
    server.enqueue(ok("{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"I can't help with that.\"},"
        + "\"finish_reason\":\"content_filter\"}]}"));
    server.enqueue(ok("{\"choices\":[{\"message\":{\"content\":\"Half an ans\"},\"finish_reason\":\"length\"}]}"));
    server.enqueue(ok("{\"choices\":[{\"message\":{\"content\":\"x\"},\"finish_reason\":\"eos\"}]}"));

    ModelResponse refused = client().complete(Requests.simple("?"));
    ModelResponse cut = client().complete(Requests.simple("?"));
    ModelResponse odd = client().complete(Requests.simple("?"));

    assertThat(refused.message().refusal()).contains("I can't help with that.");
    assertThat(refused.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(odd.finishReason()).isEqualTo(FinishReason.OTHER);
    assertThat(refused.usage()).isEqualTo(Usage.ZERO);
  }

  @Test
  void toleratesDriftNullsEmptyTypesAndNumbersAsStrings() throws Exception {
    server.enqueue(ok("{\"id\":null,\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":[{\"id\":\"call_9\","
        + "\"type\":\"\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},\"finish_reason\":null}],"
        + "\"usage\":{\"prompt_tokens\":\"12\",\"completion_tokens\":3,\"prompt_tokens_details\":null}}"));

    ModelResponse response = client().complete(Requests.simple("?"));

    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_9", "get_weather", "{}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new Usage(12, 3, 0, 0));
    assertThat(response.responseId()).isEmpty();
  }

  @Test
  void malformedJsonOrMissingChoicesIsAModelResponseException() {
    server.enqueue(ok("{\"choices\": [ {\"message\": "));
    server.enqueue(ok("{\"object\":\"chat.completion\"}"));
    server.enqueue(ok("{\"choices\":[{\"message\":null}]}"));
    server.enqueue(ok("[]"));

    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOf(ModelResponseException.class).hasMessageContaining("is not JSON");
    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOf(ModelResponseException.class).hasMessageContaining("has no choices[]");
    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOf(ModelResponseException.class).hasMessageContaining("choices[0] has no message object");
    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOf(ModelResponseException.class);
    assertThat(server.getRequestCount()).isEqualTo(4); // never retried
  }
}
