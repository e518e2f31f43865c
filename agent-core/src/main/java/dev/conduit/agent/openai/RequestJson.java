package dev.conduit.agent.openai;

import dev.conduit.agent.message.ContentPart;
import dev.conduit.agent.message.ImagePart;
import dev.conduit.agent.message.TextPart;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.model.ToolChoice;
import dev.conduit.agent.tool.ToolDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/**
 * The parts of a request body both endpoints write alike, with the names or shapes that differ
 * passed in. Package-private: the wire formats belong to their codecs.
 */
final class RequestJson {
  private RequestJson() {}

  /**
   * {@code tools}, {@code tool_choice} and {@code parallel_tool_calls}, or nothing when there are no
   * tools: OpenAI rejects the other two without them. Chat Completions nests each function's fields in
   * {@code "function"}; Responses puts them beside {@code "type"}.
   */
  static void tools(List<ToolDefinition> tools, ModelSettings s, boolean nested,
      BiConsumer<ToolChoice, JsonGenerator> toolChoice, JsonGenerator json) {
    if (tools.isEmpty()) {
      return;
    }
    json.writeArrayPropertyStart("tools");
    for (ToolDefinition t : tools) {
      json.writeStartObject();
      json.writeStringProperty("type", "function");
      if (nested) {
        json.writeObjectPropertyStart("function");
      }
      json.writeStringProperty("name", t.name());
      json.writeStringProperty("description", t.description());
      // Already-serialized schema: embedded as is, never parsed again per request.
      json.writeName("parameters");
      json.writeRawValue(t.parametersJson());
      json.writeBooleanProperty("strict", t.strict()); // the Responses spec requires it, even when false
      if (nested) {
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    if (s.toolChoice().isPresent()) {
      json.writeName("tool_choice");
      toolChoice.accept(s.toolChoice().get(), json);
    }
    if (s.parallelToolCalls().isPresent()) {
      json.writeBooleanProperty("parallel_tool_calls", s.parallelToolCalls().get());
    }
  }

  /**
   * A user message's {@code content}: a plain string for a lone text part, else an array of parts
   * where text parts are {@code {"type": textType, "text": ...}} and images are written by {@code image}.
   */
  static void userContent(UserMessage user, String textType, BiConsumer<ImagePart, JsonGenerator> image,
      JsonGenerator json) {
    if (user.content().size() == 1 && user.content().get(0) instanceof TextPart only) {
      json.writeStringProperty("content", only.text());
      return;
    }
    json.writeArrayPropertyStart("content");
    for (ContentPart p : user.content()) {
      if (p instanceof TextPart t) {
        json.writeStartObject();
        json.writeStringProperty("type", textType);
        json.writeStringProperty("text", t.text());
        json.writeEndObject();
      } else if (p instanceof ImagePart img) {
        image.accept(img, json);
      }
    }
    json.writeEndArray();
  }

  /** A JSON schema output format's own fields, the same on both endpoints; only where they sit differs. */
  static void schemaFields(ResponseFormat.JsonSchema schema, JsonGenerator json) {
    json.writeStringProperty("name", schema.name());
    json.writeName("schema");
    json.writeRawValue(schema.schemaJson());
    json.writeBooleanProperty("strict", schema.strict());
  }

  static void writeDouble(String name, Optional<Double> value, JsonGenerator json) {
    if (value.isPresent()) {
      json.writeNumberProperty(name, value.get().doubleValue());
    }
  }
}
