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
import dev.conduit.agent.model.ModelApiException;
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
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code POST /responses}: request body out, response object in. The Responses API has no {@code
 * stop}, {@code frequency_penalty} or {@code presence_penalty}: those settings are left out here.
 */
final class ResponsesCodec {
  private ResponsesCodec() {}

  /**
   * Writes the request body straight to {@code json}: no tree of the conversation is built per turn.
   * Field order is pinned byte for byte by RequestEncodingTest.
   */
  static void encode(ModelRequest request, boolean stream, JsonGenerator json) {
    json.writeStartObject();
    json.writeStringProperty("model", request.model());
    // Instructions are not carried over by previous_response_id, so they are always sent.
    instructions(request.messages(), json);
    json.writeArrayPropertyStart("input");
    for (Message m : inputMessages(request)) {
      items(m, json);
    }
    json.writeEndArray();
    ModelSettings s = request.settings();
    RequestJson.tools(request.tools(), s, false, ResponsesCodec::toolChoice, json);
    textFormat(s.responseFormat(), json);
    if (s.maxOutputTokens().isPresent()) {
      json.writeNumberProperty("max_output_tokens", s.maxOutputTokens().get().intValue());
    }
    RequestJson.writeDouble("temperature", s.temperature(), json);
    RequestJson.writeDouble("top_p", s.topP(), json);
    if (s.reasoningEffort().isPresent() || s.reasoningSummary().isPresent()) {
      json.writeObjectPropertyStart("reasoning");
      if (s.reasoningEffort().isPresent()) {
        json.writeStringProperty("effort", s.reasoningEffort().get().wireValue());
      }
      if (s.reasoningSummary().isPresent()) {
        json.writeStringProperty("summary", s.reasoningSummary().get());
      }
      json.writeEndObject();
    }
    if (request.previousResponseId().isPresent()) {
      json.writeStringProperty("previous_response_id", request.previousResponseId().get());
    }
    if (s.store().isPresent()) {
      json.writeBooleanProperty("store", s.store().get());
      if (!s.store().get()) {
        // Stateless: the server keeps nothing, so reasoning must come back encrypted to be replayed.
        json.writeArrayPropertyStart("include");
        json.writeString("reasoning.encrypted_content");
        json.writeEndArray();
      }
    }
    if (stream) {
      json.writeBooleanProperty("stream", true);
    }
    json.writeEndObject();
  }

  /** The system messages' texts, joined by a blank line; nothing when there are none. */
  private static void instructions(List<Message> messages, JsonGenerator json) {
    String first = null;
    StringBuilder joined = null;
    for (Message m : messages) {
      if (m instanceof SystemMessage sys) {
        if (first == null) {
          first = sys.text();
        } else {
          if (joined == null) {
            joined = new StringBuilder(first);
          }
          joined.append("\n\n").append(sys.text());
        }
      }
    }
    if (first != null) {
      json.writeStringProperty("instructions", joined == null ? first : joined.toString());
    }
  }

  /** With previous_response_id the server has the history: only what followed the last answer goes. */
  private static List<Message> inputMessages(ModelRequest request) {
    List<Message> all = request.messages();
    int from = 0;
    if (request.previousResponseId().isPresent()) {
      for (int i = all.size() - 1; i >= 0; i--) {
        if (all.get(i) instanceof AssistantMessage) {
          from = i + 1;
          break;
        }
      }
    }
    return all.subList(from, all.size());
  }

  private static void imagePart(ImagePart img, JsonGenerator json) {
    json.writeStartObject();
    json.writeStringProperty("type", "input_image");
    json.writeStringProperty("image_url", img.url());
    json.writeStringProperty("detail", img.detail().orElse("auto"));
    json.writeEndObject();
  }

  private static void items(Message m, JsonGenerator json) {
    if (m instanceof UserMessage user) {
      json.writeStartObject();
      json.writeStringProperty("type", "message");
      json.writeStringProperty("role", "user");
      RequestJson.userContent(user, "input_text", ResponsesCodec::imagePart, json);
      json.writeEndObject();
    } else if (m instanceof AssistantMessage a) {
      for (Reasoning r : a.reasoning()) {
        if (r.id().isEmpty()) {
          continue; // Chat's reasoning_content has no item to replay
        }
        json.writeStartObject();
        json.writeStringProperty("type", "reasoning");
        json.writeStringProperty("id", r.id().get());
        json.writeArrayPropertyStart("summary");
        for (String text : r.summary()) {
          json.writeStartObject();
          json.writeStringProperty("type", "summary_text");
          json.writeStringProperty("text", text);
          json.writeEndObject();
        }
        json.writeEndArray();
        if (r.encryptedContent().isPresent()) {
          json.writeStringProperty("encrypted_content", r.encryptedContent().get());
        }
        json.writeEndObject();
      }
      if (!a.text().isEmpty()) {
        json.writeStartObject();
        json.writeStringProperty("type", "message");
        json.writeStringProperty("role", "assistant");
        json.writeStringProperty("content", a.text());
        json.writeEndObject();
      }
      for (ToolCall c : a.toolCalls()) {
        json.writeStartObject();
        json.writeStringProperty("type", "function_call");
        json.writeStringProperty("call_id", c.id());
        json.writeStringProperty("name", c.name());
        json.writeStringProperty("arguments", c.argumentsJson());
        json.writeEndObject();
      }
    } else if (m instanceof ToolResult r) {
      json.writeStartObject();
      json.writeStringProperty("type", "function_call_output");
      json.writeStringProperty("call_id", r.toolCallId());
      json.writeStringProperty("output", r.content());
      json.writeEndObject();
    }
  }

  private static void toolChoice(ToolChoice choice, JsonGenerator json) {
    if (choice instanceof ToolChoice.Mode mode) {
      json.writeString(mode.wireValue());
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("type", "function");
    json.writeStringProperty("name", ((ToolChoice.Named) choice).name());
    json.writeEndObject();
  }

  private static void textFormat(ResponseFormat format, JsonGenerator json) {
    if (format instanceof ResponseFormat.JsonObject) {
      json.writeObjectPropertyStart("text");
      json.writeObjectPropertyStart("format");
      json.writeStringProperty("type", "json_object");
      json.writeEndObject();
      json.writeEndObject();
    } else if (format instanceof ResponseFormat.JsonSchema schema) {
      json.writeObjectPropertyStart("text");
      json.writeObjectPropertyStart("format");
      json.writeStringProperty("type", "json_schema");
      RequestJson.schemaFields(schema, json);
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** A Response object, non-streamed or from {@code response.completed}/{@code incomplete}. */
  static ModelResponse decode(JsonNode response, Optional<String> requestId) {
    if (response == null || !response.isObject()) {
      throw new MalformedResponse("the body is not a Response object");
    }
    if (!(response.get("output") instanceof ArrayNode)) {
      throw new MalformedResponse("the Response has no output[] array");
    }
    String status = text(response, "status").orElse("completed");
    if (status.equals("failed")) {
      throw failed(response, requestId);
    }
    AssistantMessage message = message(Fields.elements(response, "output"));
    return new ModelResponse(message, finishReason(response, message), usage(response),
        nonEmpty(response, "id"), nonEmpty(response, "model"), requestId);
  }

  static AssistantMessage message(Iterable<JsonNode> output) {
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    List<Reasoning> reasoning = new ArrayList<>();
    for (JsonNode item : output) {
      switch (text(item, "type").orElse("")) {
        case "message":
          for (JsonNode part : Fields.elements(item, "content")) {
            String type = text(part, "type").orElse("");
            if (type.equals("output_text")) {
              text.append(text(part, "text").orElse(""));
            } else if (type.equals("refusal")) {
              refusal.append(text(part, "refusal").orElse(""));
            }
          }
          break;
        case "function_call":
          calls.add(toolCall(item));
          break;
        case "reasoning":
          reasoning.add(reasoning(item));
          break;
        default:
          break; // built-in tool calls and future item types are not ours to run
      }
    }
    return new AssistantMessage(text.toString(), calls, reasoning,
        refusal.length() == 0 ? Optional.empty() : Optional.of(refusal.toString()));
  }

  static ToolCall toolCall(JsonNode item) {
    return new ToolCall(text(item, "call_id").orElse(""), text(item, "name").orElse(""),
        text(item, "arguments").orElse(""));
  }

  static Reasoning reasoning(JsonNode item) {
    List<String> summary = new ArrayList<>();
    for (JsonNode s : Fields.elements(item, "summary")) {
      text(s, "text").ifPresent(summary::add);
    }
    StringBuilder content = new StringBuilder();
    for (JsonNode c : Fields.elements(item, "content")) {
      content.append(text(c, "text").orElse(""));
    }
    return new Reasoning(nonEmpty(item, "id"), content.toString(), summary, nonEmpty(item, "encrypted_content"));
  }

  static FinishReason finishReason(JsonNode response, AssistantMessage message) {
    if (text(response, "status").orElse("").equals("incomplete")) {
      String reason = text(obj(response, "incomplete_details").orElse(null), "reason").orElse("");
      if (reason.equals("max_output_tokens")) {
        return FinishReason.LENGTH;
      }
      return reason.equals("content_filter") ? FinishReason.CONTENT_FILTER : FinishReason.OTHER;
    }
    return message.hasToolCalls() ? FinishReason.TOOL_CALLS : FinishReason.STOP;
  }

  static ModelApiException failed(JsonNode response, Optional<String> requestId) {
    JsonNode error = obj(response, "error").orElse(null);
    String message = text(error, "message").orElse("the response failed without an error message");
    return new ModelApiException("Response failed: " + message, 200, text(error, "type"), text(error, "code"),
        text(error, "param"), requestId);
  }

  static Usage usage(JsonNode response) {
    Optional<JsonNode> u = obj(response, "usage");
    if (u.isEmpty()) {
      return Usage.ZERO;
    }
    JsonNode usage = u.get();
    return new Usage(
        count(usage, "input_tokens"),
        count(usage, "output_tokens"),
        count(obj(usage, "input_tokens_details").orElse(null), "cached_tokens"),
        count(obj(usage, "output_tokens_details").orElse(null), "reasoning_tokens"));
  }
}
