package dev.conduit.agent;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.internal.JsonSchemas;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ResponseFormat;
import tools.jackson.core.JacksonException;

/** Typed final answers: the strict {@code json_schema} asked for, and the answer read back. */
final class StructuredOutput {
  // Schema generation is reflection-heavy: once per output type for the JVM's life.
  private static final ClassValue<ResponseFormat> FORMATS = new ClassValue<>() {
    @Override
    protected ResponseFormat computeValue(Class<?> type) {
      String name = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
      name = name.isEmpty() ? "output" : name.substring(0, Math.min(64, name.length()));
      return ResponseFormat.jsonSchema(name, JsonSchemas.strictSchemaFor(type));
    }
  };

  private StructuredOutput() {}

  static ModelSettings settings(ModelSettings settings, Class<?> outputType) {
    requireNonNull(outputType, "outputType");
    return settings.toBuilder().responseFormat(FORMATS.get(outputType)).build();
  }

  static <T> TypedRunResult<T> read(Class<T> type, RunResult result) {
    T value;
    try {
      value = Json.MAPPER.readValue(result.finalText(), type);
    } catch (JacksonException e) {
      throw new StructuredOutputException(type, result.finalText(), e.getOriginalMessage(), result.messages(), result.usage());
    }
    if (value == null) {
      throw new StructuredOutputException(type, result.finalText(), "the answer is null", result.messages(), result.usage());
    }
    return new TypedRunResult<>(value, result);
  }
}
