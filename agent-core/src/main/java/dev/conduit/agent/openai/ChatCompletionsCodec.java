package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Fields.count;
import static dev.conduit.agent.openai.Fields.nonEmpty;
import static dev.conduit.agent.openai.Fields.obj;
import static dev.conduit.agent.openai.Fields.text;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.ImagePart;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.model.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** {@code POST /chat/completions}: request body out, response body in. */
final class ChatCompletionsCodec {
  private ChatCompletionsCodec() {}

  /**
   * Writes the request body straight to {@code json}: no tree of the conversation is built per turn.
   * Field order is the API reference's, and is pinned byte for byte by RequestEncodingTest.
   */
  static void encode(ModelRequest request, boolean stream, JsonGenerator json) {
    json.writeStartObject();
    json.writeStringProperty("model", request.model());
    json.writeArrayPropertyStart("messages");
    for (Message m : request.messages()) {
      message(m, json);
    }
    json.writeEndArray();
    ModelSettings s = request.settings();
    RequestJson.tools(request.tools(), s, true, ChatCompletionsCodec::toolChoice, json);
    responseFormat(s.responseFormat(), json);
    if (s.maxOutputTokens().isPresent()) {
      json.writeNumberProperty(s.tokenLimitParameter().wireName(), s.maxOutputTokens().get().intValue());
    }
    RequestJson.writeDouble("temperature", s.temperature(), json);
    RequestJson.writeDouble("top_p", s.topP(), json);
    RequestJson.writeDouble("frequency_penalty", s.frequencyPenalty(), json);
    RequestJson.writeDouble("presence_penalty", s.presencePenalty(), json);
    if (!s.stop().isEmpty()) {
      json.writeArrayPropertyStart("stop");
      for (String stop : s.stop()) {
        json.writeString(stop);
      }
      json.writeEndArray();
    }
    if (s.reasoningEffort().isPresent()) {
      json.writeStringProperty("reasoning_effort", s.reasoningEffort().get().wireValue());
    }
    if (stream) {
      json.writeBooleanProperty("stream", true);
      json.writeObjectPropertyStart("stream_options");
      json.writeBooleanProperty("include_usage", true);
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void imagePart(ImagePart img, JsonGenerator json) {
    json.writeStartObject();
    json.writeStringProperty("type", "image_url");
    json.writeObjectPropertyStart("image_url");
    json.writeStringProperty("url", img.url());
    if (img.detail().isPresent()) {
      json.writeStringProperty("detail", img.detail().get());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void message(Message m, JsonGenerator json) {
    json.writeStartObject();
    if (m instanceof SystemMessage sys) {
      json.writeStringProperty("role", "system");
      json.writeStringProperty("content", sys.text());
    } else if (m instanceof UserMessage user) {
      json.writeStringProperty("role", "user");
      RequestJson.userContent(user, "text", ChatCompletionsCodec::imagePart, json);
    } else if (m instanceof AssistantMessage a) {
      json.writeStringProperty("role", "assistant");
      if (!a.text().isEmpty() || !a.hasToolCalls()) {
        json.writeStringProperty("content", a.text());
      }
      if (a.refusal().isPresent()) {
        json.writeStringProperty("refusal", a.refusal().get());
      }
      if (a.hasToolCalls()) {
        json.writeArrayPropertyStart("tool_calls");
        for (ToolCall c : a.toolCalls()) {
          json.writeStartObject();
          json.writeStringProperty("id", c.id());
          json.writeStringProperty("type", "function");
          json.writeObjectPropertyStart("function");
          json.writeStringProperty("name", c.name());
          json.writeStringProperty("arguments", c.argumentsJson());
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
      }
    } else if (m instanceof ToolResult r) {
      json.writeStringProperty("role", "tool");
      json.writeStringProperty("tool_call_id", r.toolCallId());
      json.writeStringProperty("content", r.content());
    }
    json.writeEndObject();
  }

  private static void toolChoice(ToolChoice choice, JsonGenerator json) {
    if (choice instanceof ToolChoice.Mode mode) {
      json.writeString(mode.wireValue());
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("type", "function");
    json.writeObjectPropertyStart("function");
    json.writeStringProperty("name", ((ToolChoice.Named) choice).name());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void responseFormat(ResponseFormat format, JsonGenerator json) {
    if (format instanceof ResponseFormat.JsonObject) {
      json.writeObjectPropertyStart("response_format");
      json.writeStringProperty("type", "json_object");
      json.writeEndObject();
    } else if (format instanceof ResponseFormat.JsonSchema schema) {
      json.writeObjectPropertyStart("response_format");
      json.writeStringProperty("type", "json_schema");
      json.writeObjectPropertyStart("json_schema");
      RequestJson.schemaFields(schema, json);
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** A non-streamed chat completion. */
  static ModelResponse decode(JsonNode root, Optional<String> requestId) {
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw new MalformedResponse("the chat completion has no choices[]");
    }
    JsonNode choice = choices.get(0);
    JsonNode msg = obj(choice, "message")
        .orElseThrow(() -> new MalformedResponse("choices[0] has no message object"));
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode tc : Fields.elements(msg, "tool_calls")) {
      JsonNode fn = obj(tc, "function").orElse(null);
      calls.add(new ToolCall(text(tc, "id").orElse(""), text(fn, "name").orElse(""),
          text(fn, "arguments").orElse("")));
    }
    List<Reasoning> reasoning = reasoningText(msg).map(r -> List.of(Reasoning.ofText(r))).orElse(List.of());
    AssistantMessage message = new AssistantMessage(
        text(msg, "content").orElse(""), calls, reasoning, nonEmpty(msg, "refusal"));
    FinishReason finish = finishReason(text(choice, "finish_reason"), !calls.isEmpty());
    return new ModelResponse(message, finish, usage(root), nonEmpty(root, "id"), nonEmpty(root, "model"), requestId);
  }

  /** {@code reasoning_content} of "thinking" models; some gateways call it {@code reasoning}. */
  static Optional<String> reasoningText(JsonNode msgOrDelta) {
    Optional<String> r = nonEmpty(msgOrDelta, "reasoning_content");
    return r.isPresent() ? r : nonEmpty(msgOrDelta, "reasoning");
  }

  static FinishReason finishReason(Optional<String> wire, boolean hasToolCalls) {
    if (wire.isEmpty() || wire.get().isEmpty()) {
      return hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
    }
    switch (wire.get()) {
      case "stop":
        return FinishReason.STOP;
      case "length":
        return FinishReason.LENGTH;
      case "tool_calls":
      case "function_call":
        return FinishReason.TOOL_CALLS;
      case "content_filter":
        return FinishReason.CONTENT_FILTER;
      default:
        return FinishReason.OTHER;
    }
  }

  static Usage usage(JsonNode root) {
    Optional<JsonNode> u = obj(root, "usage");
    if (u.isEmpty()) {
      return Usage.ZERO;
    }
    JsonNode usage = u.get();
    return new Usage(
        count(usage, "prompt_tokens"),
        count(usage, "completion_tokens"),
        count(obj(usage, "prompt_tokens_details").orElse(null), "cached_tokens"),
        count(obj(usage, "completion_tokens_details").orElse(null), "reasoning_tokens"));
  }
}
