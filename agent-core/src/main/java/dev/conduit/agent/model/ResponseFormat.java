package dev.conduit.agent.model;

import static java.util.Objects.requireNonNull;

/**
 * The shape of the model's text answer: free text, any JSON object (JSON mode), or JSON matching a
 * schema. Sent as {@code response_format} on Chat Completions and {@code text.format} on Responses.
 *
 * <pre>{@code
 * ModelSettings.builder().responseFormat(ResponseFormat.jsonObject()).build();
 * }</pre>
 */
public sealed interface ResponseFormat {
  static ResponseFormat text() {
    return Text.INSTANCE;
  }

  static ResponseFormat jsonObject() {
    return JsonObject.INSTANCE;
  }

  /** JSON that must match {@code schemaJson}; {@code name} matches {@code ^[a-zA-Z0-9_-]{1,64}$}. */
  static ResponseFormat jsonSchema(String name, String schemaJson) {
    return new JsonSchema(name, schemaJson, true);
  }

  /** Free text, the default; nothing is sent. */
  enum Text implements ResponseFormat {
    INSTANCE
  }

  /** JSON mode: {@code {"type": "json_object"}}. The prompt must mention JSON. */
  enum JsonObject implements ResponseFormat {
    INSTANCE
  }

  /** Structured output: {@code {"type": "json_schema", ...}}. */
  record JsonSchema(String name, String schemaJson, boolean strict) implements ResponseFormat {
    public JsonSchema {
      requireNonNull(name, "name");
      requireNonNull(schemaJson, "schemaJson");
      if (!name.matches("^[a-zA-Z0-9_-]{1,64}$")) {
        throw new IllegalArgumentException(
            "json schema name must match ^[a-zA-Z0-9_-]{1,64}$, not: " + name);
      }
    }
  }
}
