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

/** {@code POST /chat/completions}: request body out, response body in. */
final class ChatCompletionsCodec {
  private ChatCompletionsCodec() {}

  static ObjectNode encode(ModelRequest request, boolean stream) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", request.model());
    ArrayNode messages = body.putArray("messages");
    for (Message m : request.messages()) {
      messages.add(message(m));
    }
    ModelSettings s = request.settings();
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolDefinition t : request.tools()) {
        ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
        fn.put("name", t.name());
        fn.put("description", t.description());
        // Already-serialized schema: embedded as is, never parsed again per request.
        fn.putRawValue("parameters", new RawValue(t.parametersJson()));
        fn.put("strict", t.strict());
      }
      // OpenAI rejects tool_choice and parallel_tool_calls when no tools are sent.
      s.toolChoice().ifPresent(c -> body.set("tool_choice", toolChoice(c)));
      s.parallelToolCalls().ifPresent(p -> body.put("parallel_tool_calls", p));
    }
    responseFormat(s.responseFormat()).ifPresent(f -> body.set("response_format", f));
    s.maxOutputTokens().ifPresent(n -> body.put(s.tokenLimitParameter().wireName(), n));
    s.temperature().ifPresent(v -> body.put("temperature", v));
    s.topP().ifPresent(v -> body.put("top_p", v));
    s.frequencyPenalty().ifPresent(v -> body.put("frequency_penalty", v));
    s.presencePenalty().ifPresent(v -> body.put("presence_penalty", v));
    if (!s.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      s.stop().forEach(stop::add);
    }
    s.reasoningEffort().ifPresent(e -> body.put("reasoning_effort", e.wireValue()));
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    return body;
  }

  private static ObjectNode message(Message m) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (m instanceof SystemMessage sys) {
      node.put("role", "system").put("content", sys.text());
    } else if (m instanceof UserMessage user) {
      node.put("role", "user");
      if (user.content().size() == 1 && user.content().get(0) instanceof TextPart only) {
        node.put("content", only.text());
      } else {
        ArrayNode parts = node.putArray("content");
        for (ContentPart p : user.content()) {
          if (p instanceof TextPart t) {
            parts.addObject().put("type", "text").put("text", t.text());
          } else if (p instanceof ImagePart img) {
            ObjectNode url = parts.addObject().put("type", "image_url").putObject("image_url");
            url.put("url", img.url());
            img.detail().ifPresent(d -> url.put("detail", d));
          }
        }
      }
    } else if (m instanceof AssistantMessage a) {
      node.put("role", "assistant");
      if (!a.text().isEmpty() || !a.hasToolCalls()) {
        node.put("content", a.text());
      }
      a.refusal().ifPresent(r -> node.put("refusal", r));
      if (a.hasToolCalls()) {
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall c : a.toolCalls()) {
          ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
          call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
        }
      }
    } else if (m instanceof ToolResult r) {
      node.put("role", "tool").put("tool_call_id", r.toolCallId()).put("content", r.content());
    }
    return node;
  }

  static JsonNode toolChoice(ToolChoice choice) {
    if (choice instanceof ToolChoice.Mode mode) {
      return Json.MAPPER.getNodeFactory().stringNode(mode.wireValue());
    }
    ObjectNode named = Json.MAPPER.createObjectNode().put("type", "function");
    named.putObject("function").put("name", ((ToolChoice.Named) choice).name());
    return named;
  }

  private static Optional<ObjectNode> responseFormat(ResponseFormat format) {
    if (format instanceof ResponseFormat.JsonObject) {
      return Optional.of(Json.MAPPER.createObjectNode().put("type", "json_object"));
    }
    if (format instanceof ResponseFormat.JsonSchema schema) {
      ObjectNode node = Json.MAPPER.createObjectNode().put("type", "json_schema");
      ObjectNode js = node.putObject("json_schema").put("name", schema.name());
      js.putRawValue("schema", new RawValue(schema.schemaJson()));
      js.put("strict", schema.strict());
      return Optional.of(node);
    }
    return Optional.empty();
  }

  /** A non-streamed chat completion. */
  static ModelResponse decode(JsonNode root, Optional<String> requestId) {
    List<JsonNode> choices = array(root, "choices");
    if (choices.isEmpty()) {
      throw new MalformedResponse("the chat completion has no choices[]");
    }
    JsonNode choice = choices.get(0);
    JsonNode msg = obj(choice, "message")
        .orElseThrow(() -> new MalformedResponse("choices[0] has no message object"));
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode tc : array(msg, "tool_calls")) {
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
