package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Fields.array;
import static dev.conduit.agent.openai.Fields.count;
import static dev.conduit.agent.openai.Fields.nonEmpty;
import static dev.conduit.agent.openai.Fields.obj;
import static dev.conduit.agent.openai.Fields.text;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.ContentPart;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.ImagePart;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.TextPart;
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
import dev.conduit.agent.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * {@code POST /responses}: request body out, response object in. The Responses API has no {@code
 * stop}, {@code frequency_penalty} or {@code presence_penalty}: those settings are left out here.
 */
final class ResponsesCodec {
  private ResponsesCodec() {}

  static ObjectNode encode(ModelRequest request, boolean stream) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", request.model());
    List<String> instructions = new ArrayList<>();
    for (Message m : request.messages()) {
      if (m instanceof SystemMessage sys) {
        instructions.add(sys.text());
      }
    }
    // Instructions are not carried over by previous_response_id, so they are always sent.
    if (!instructions.isEmpty()) {
      body.put("instructions", String.join("\n\n", instructions));
    }
    ArrayNode input = body.putArray("input");
    for (Message m : inputMessages(request)) {
      addItems(input, m);
    }
    ModelSettings s = request.settings();
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolDefinition t : request.tools()) {
        ObjectNode fn = tools.addObject().put("type", "function").put("name", t.name());
        fn.put("description", t.description());
        fn.putRawValue("parameters", new RawValue(t.parametersJson()));
        fn.put("strict", t.strict()); // required by the spec, even when false
      }
      s.toolChoice().ifPresent(c -> body.set("tool_choice", toolChoice(c)));
      s.parallelToolCalls().ifPresent(p -> body.put("parallel_tool_calls", p));
    }
    textFormat(s.responseFormat()).ifPresent(f -> body.putObject("text").set("format", f));
    s.maxOutputTokens().ifPresent(n -> body.put("max_output_tokens", n));
    s.temperature().ifPresent(v -> body.put("temperature", v));
    s.topP().ifPresent(v -> body.put("top_p", v));
    if (s.reasoningEffort().isPresent() || s.reasoningSummary().isPresent()) {
      ObjectNode reasoning = body.putObject("reasoning");
      s.reasoningEffort().ifPresent(e -> reasoning.put("effort", e.wireValue()));
      s.reasoningSummary().ifPresent(sum -> reasoning.put("summary", sum));
    }
    request.previousResponseId().ifPresent(id -> body.put("previous_response_id", id));
    s.store().ifPresent(st -> body.put("store", st));
    if (s.store().equals(Optional.of(false))) {
      // Stateless: the server keeps nothing, so reasoning must come back encrypted to be replayed.
      body.putArray("include").add("reasoning.encrypted_content");
    }
    if (stream) {
      body.put("stream", true);
    }
    return body;
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

  private static void addItems(ArrayNode input, Message m) {
    if (m instanceof UserMessage user) {
      ObjectNode item = input.addObject().put("type", "message").put("role", "user");
      if (user.content().size() == 1 && user.content().get(0) instanceof TextPart only) {
        item.put("content", only.text());
        return;
      }
      ArrayNode parts = item.putArray("content");
      for (ContentPart p : user.content()) {
        if (p instanceof TextPart t) {
          parts.addObject().put("type", "input_text").put("text", t.text());
        } else if (p instanceof ImagePart img) {
          parts.addObject().put("type", "input_image").put("image_url", img.url())
              .put("detail", img.detail().orElse("auto"));
        }
      }
    } else if (m instanceof AssistantMessage a) {
      for (Reasoning r : a.reasoning()) {
        if (r.id().isEmpty()) {
          continue; // Chat's reasoning_content has no item to replay
        }
        ObjectNode item = input.addObject().put("type", "reasoning").put("id", r.id().get());
        ArrayNode summary = item.putArray("summary");
        r.summary().forEach(t -> summary.addObject().put("type", "summary_text").put("text", t));
        r.encryptedContent().ifPresent(e -> item.put("encrypted_content", e));
      }
      if (!a.text().isEmpty()) {
        input.addObject().put("type", "message").put("role", "assistant").put("content", a.text());
      }
      for (ToolCall c : a.toolCalls()) {
        input.addObject().put("type", "function_call").put("call_id", c.id()).put("name", c.name())
            .put("arguments", c.argumentsJson());
      }
    } else if (m instanceof ToolResult r) {
      input.addObject().put("type", "function_call_output").put("call_id", r.toolCallId())
          .put("output", r.content());
    }
  }

  private static JsonNode toolChoice(ToolChoice choice) {
    if (choice instanceof ToolChoice.Mode mode) {
      return Json.MAPPER.getNodeFactory().stringNode(mode.wireValue());
    }
    return Json.MAPPER.createObjectNode().put("type", "function").put("name", ((ToolChoice.Named) choice).name());
  }

  private static Optional<ObjectNode> textFormat(ResponseFormat format) {
    if (format instanceof ResponseFormat.JsonObject) {
      return Optional.of(Json.MAPPER.createObjectNode().put("type", "json_object"));
    }
    if (format instanceof ResponseFormat.JsonSchema schema) {
      ObjectNode node = Json.MAPPER.createObjectNode().put("type", "json_schema").put("name", schema.name());
      node.putRawValue("schema", new RawValue(schema.schemaJson()));
      node.put("strict", schema.strict());
      return Optional.of(node);
    }
    return Optional.empty();
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
    AssistantMessage message = message(array(response, "output"));
    return new ModelResponse(message, finishReason(response, message), usage(response),
        nonEmpty(response, "id"), nonEmpty(response, "model"), requestId);
  }

  static AssistantMessage message(List<JsonNode> output) {
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    List<Reasoning> reasoning = new ArrayList<>();
    for (JsonNode item : output) {
      switch (text(item, "type").orElse("")) {
        case "message":
          for (JsonNode part : array(item, "content")) {
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
    for (JsonNode s : array(item, "summary")) {
      text(s, "text").ifPresent(summary::add);
    }
    StringBuilder content = new StringBuilder();
    for (JsonNode c : array(item, "content")) {
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
