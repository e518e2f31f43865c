package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Wire.body;
import static dev.conduit.agent.openai.Wire.json;
import static dev.conduit.agent.openai.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelResponseException;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.model.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(20)
class ResponsesTest {
  private static final String TEXT_RESPONSE = "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\","
      + "\"model\":\"gpt-5.1\",\"output\":[{\"id\":\"rs_9\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\","
      + "\"text\":\"Thinking about Paris.\"}],\"encrypted_content\":\"gAAAAxyz\"},{\"id\":\"msg_1\",\"type\":\"message\","
      + "\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"Paris is 18 C.\","
      + "\"annotations\":[]}]}],\"usage\":{\"input_tokens\":120,\"input_tokens_details\":{\"cached_tokens\":100},"
      + "\"output_tokens\":50,\"output_tokens_details\":{\"reasoning_tokens\":20},\"total_tokens\":170}}";

  @StartStop final MockWebServer server = new MockWebServer();

  private OpenAiClient client() {
    return Wire.client(server, Endpoint.RESPONSES).build();
  }

  private RecordedRequest send(ModelRequest request) throws Exception {
    server.enqueue(ok(TEXT_RESPONSE));
    client().complete(request);
    return server.takeRequest();
  }

  @Test
  void sendsEveryRequestFieldExactlyAsTheGoldenBody() throws Exception {
    RecordedRequest request = send(Requests.everything());

    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/responses");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Wire.KEY);
    Wire.assertBodyMatchesGolden(request, "responses_every_field.json");
  }

  @Test
  void unsetFieldsAreOmittedAndChatOnlySettingsAreLeftOut() throws Exception {
    ModelSettings chatOnly = ModelSettings.builder().stop(List.of("END")).frequencyPenalty(1).presencePenalty(1).build();
    JsonNode body = body(send(new ModelRequest("gpt-5.1", List.of(UserMessage.of("Hi")), List.of(), chatOnly)));

    assertThat(body).isEqualTo(json("{\"model\":\"gpt-5.1\",\"input\":[{\"type\":\"message\",\"role\":\"user\","
        + "\"content\":\"Hi\"}]}"));
  }

  @Test
  void storedRequestsDoNotAskForEncryptedReasoning() throws Exception {
    ModelSettings stored = ModelSettings.builder().store(true).reasoningEffort(dev.conduit.agent.model.ReasoningEffort.HIGH).build();
    JsonNode body = body(send(new ModelRequest("gpt-5.1", List.of(UserMessage.of("Hi")), List.of(), stored)));

    assertThat(body.get("store").asBoolean()).isTrue();
    assertThat(body.has("include")).isFalse();
    assertThat(body.get("reasoning")).isEqualTo(json("{\"effort\":\"high\"}"));
  }

  @Test
  void previousResponseIdSendsOnlyWhatFollowsTheLastAnswerPlusInstructions() throws Exception {
    List<Message> history = new ArrayList<>(Requests.toolRoundTrip());
    history.add(new AssistantMessage("Paris 18 C, Boston unknown.", List.of(), List.of(), Optional.empty()));
    history.add(UserMessage.of("And tomorrow?"));
    ModelRequest request = new ModelRequest("gpt-5.1", history, List.of(Requests.WEATHER),
        ModelSettings.builder().store(true).build(), Optional.of("resp_prev"));

    JsonNode body = body(send(request));

    assertThat(body.get("previous_response_id").asString()).isEqualTo("resp_prev");
    assertThat(body.get("instructions").asString()).isEqualTo("You are a weather bot.");
    assertThat(body.get("input")).isEqualTo(json("[{\"type\":\"message\",\"role\":\"user\",\"content\":\"And tomorrow?\"}]"));
  }

  @Test
  void previousResponseIdAfterToolCallsSendsTheToolResults() throws Exception {
    List<Message> history = List.of(new SystemMessage("Be terse."), UserMessage.of("Weather?"),
        AssistantMessage.ofToolCalls(List.of(Requests.PARIS)), ToolResult.success(Requests.PARIS, "18"));
    JsonNode body = body(send(new ModelRequest("gpt-5.1", history, List.of(Requests.WEATHER),
        ModelSettings.defaults(), Optional.of("resp_prev"))));

    assertThat(body.get("input")).isEqualTo(
        json("[{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"18\"}]"));
  }

  @Test
  void toolChoiceVariantsAndJsonObjectFormat() throws Exception {
    for (ToolChoice choice : List.of(ToolChoice.auto(), ToolChoice.none(), ToolChoice.required())) {
      JsonNode body = body(send(new ModelRequest("m", List.of(UserMessage.of("Hi")), List.of(Requests.WEATHER),
          ModelSettings.builder().toolChoice(choice).responseFormat(ResponseFormat.jsonObject()).build())));
      assertThat(body.get("tool_choice").asString()).isEqualTo(((ToolChoice.Mode) choice).wireValue());
      assertThat(body.get("text")).isEqualTo(json("{\"format\":{\"type\":\"json_object\"}}"));
    }
  }

  @Test
  void readsReasoningTextUsageAndIds() throws Exception {
    server.enqueue(ok(TEXT_RESPONSE));

    ModelResponse response = client().complete(Requests.simple("Weather?"));

    assertThat(response.message()).isEqualTo(new AssistantMessage("Paris is 18 C.", List.of(),
        List.of(new Reasoning(Optional.of("rs_9"), "", List.of("Thinking about Paris."), Optional.of("gAAAAxyz"))),
        Optional.empty()));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage()).isEqualTo(new Usage(120, 50, 100, 20));
    assertThat(response.responseId()).contains("resp_1");
    assertThat(response.model()).contains("gpt-5.1");
    assertThat(response.requestId()).contains("req_200");
  }

  @Test
  void readsTheDocsFunctionCallResponseAsToolCalls() throws Exception {
    server.enqueue(ok(Wire.resource("recorded/responses_function_call.response.json")));

    ModelResponse response = client().complete(Requests.simple("Weather in Boston?"));

    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_unLAR8MvFNptuiZK6K6HCy5k",
        "get_current_weather", "{\"location\":\"Boston, MA\",\"unit\":\"celsius\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new Usage(291, 23, 0, 0));
  }

  @Test
  void incompleteMapsToLengthOrContentFilterAndRefusalIsKept() throws Exception {
    server.enqueue(ok("{\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},"
        + "\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Half\"}]}]}"));
    server.enqueue(ok("{\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"content_filter\"},"
        + "\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"refusal\",\"refusal\":\"No.\"}]}],\"usage\":null}"));

    ModelResponse cut = client().complete(Requests.simple("?"));
    ModelResponse filtered = client().complete(Requests.simple("?"));

    assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(cut.message().text()).isEqualTo("Half");
    assertThat(filtered.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(filtered.message().refusal()).contains("No.");
    assertThat(filtered.usage()).isEqualTo(Usage.ZERO);
  }

  @Test
  void failedStatusIsAModelApiExceptionWithItsCode() {
    server.enqueue(ok("{\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"The model crashed.\"},"
        + "\"output\":[]}"));

    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOfSatisfying(ModelApiException.class, e -> {
          assertThat(e.code()).contains("server_error");
          assertThat(e.requestId()).contains("req_200");
        })
        .hasMessageContaining("The model crashed.");
  }

  @Test
  void missingOutputOrMalformedJsonIsAModelResponseException() {
    server.enqueue(ok("{\"id\":\"resp_1\",\"status\":\"completed\"}"));
    server.enqueue(ok("<html>oops</html>"));

    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOf(ModelResponseException.class).hasMessageContaining("no output[] array");
    assertThatThrownBy(() -> client().complete(Requests.simple("?")))
        .isInstanceOf(ModelResponseException.class).hasMessageContaining("<html>oops</html>");
  }
}
