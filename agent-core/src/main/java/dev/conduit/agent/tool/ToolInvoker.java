package dev.conduit.agent.tool;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Runs one tool for one call: parse the arguments, check them against the schema, bind them, call,
 * and render the result. Every mistake of the model and every exception of the tool becomes an
 * error result whose text says what to do next; only interruption and {@link java.lang.Error}
 * escape. Immutable and thread-safe.
 */
final class ToolInvoker {
  static final int MAX_RESULT_CHARS = 16_000;

  /** The tool itself, given the validated arguments. */
  @FunctionalInterface
  interface Body {
    @Nullable Object call(JsonNode arguments) throws Exception;
  }

  /** What a tool's successful return value becomes. */
  enum Returns { VALUE, NOTHING }

  private static final Logger log = LoggerFactory.getLogger(Toolbox.class);
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .pathType(PathType.JSON_PATH)
          .formatAssertionsEnabled(true)
          .locale(Locale.ROOT)
          .build()));
  // Exact decimals for BigDecimal parameters; no second value or repeated key smuggled past the schema.
  private static final ObjectReader ARGUMENTS = Json.MAPPER.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private final String name;
  private final Schema schema;
  private final @Nullable FlatArgumentsCheck quickCheck;
  private final Returns returns;
  private final Body body;

  ToolInvoker(String name, JsonNode schema, Returns returns, Body body) {
    this(name, compile(schema), FlatArgumentsCheck.compile(schema).orElse(null), returns, body);
  }

  private ToolInvoker(String name, Schema schema, @Nullable FlatArgumentsCheck quickCheck, Returns returns, Body body) {
    this.name = name;
    this.schema = schema;
    this.quickCheck = quickCheck;
    this.returns = returns;
    this.body = body;
  }

  /** The same tool with another body: its compiled schema checks are shared, not compiled again. */
  ToolInvoker withBody(Body body) {
    return new ToolInvoker(name, schema, quickCheck, returns, body);
  }

  /** The networknt validator of a tool, compiled once, when its toolbox is made. */
  static Schema compile(JsonNode schema) {
    Schema compiled = SCHEMAS.getSchema(schema);
    compiled.initializeValidators();
    return compiled;
  }

  ToolExecution execute(ToolCall call) throws InterruptedException {
    throwIfInterrupted();
    JsonNode arguments;
    try {
      String text = call.argumentsJson();
      arguments = ARGUMENTS.readTree(text.isBlank() ? "{}" : text);
    } catch (JacksonException e) {
      return failed(call, "Error: arguments for '" + name + "' are not valid JSON (" + describe(e)
          + "). Call again with a JSON object.", null);
    }
    if (quickCheck == null || !quickCheck.certainlyValid(arguments)) {
      List<Error> errors = schema.validate(arguments);
      if (!errors.isEmpty()) {
        return failed(call, schemaMismatch(errors.stream().map(ToolInvoker::describe).toList()), null);
      }
    }
    @Nullable Object result;
    try {
      result = body.call(arguments);
    } catch (ArgumentException e) {
      return failed(call, schemaMismatch(e.violations()), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (ToolException e) {
      throwIfInterrupted();
      String message = e.getMessage();
      return failed(call, message == null || message.isBlank() ? failedText(e) : "Error: " + message, e);
    } catch (Exception e) {
      throwIfInterrupted();
      log.warn("Tool '{}' failed on call {}", name, call.id(), e);
      return failed(call, failedText(e), e);
    }
    throwIfInterrupted();
    return render(call, result);
  }

  private ToolExecution render(ToolCall call, @Nullable Object result) {
    if (returns == Returns.NOTHING) {
      return ToolExecution.success(ToolResult.success(call, "Done."));
    }
    if (result == null) {
      return ToolExecution.success(ToolResult.success(call, "null"));
    }
    if (result instanceof String text) {
      return ToolExecution.success(ToolResult.success(call, truncate(text)));
    }
    try {
      return ToolExecution.success(ToolResult.success(call, truncate(Json.MAPPER.writeValueAsString(result))));
    } catch (JacksonException e) {
      log.warn("Tool '{}' returned a {} that cannot be written as JSON, on call {}", name, result.getClass().getName(), call.id(), e);
      return failed(call, "Error: tool '" + name + "' ran, but its result could not be converted to JSON ("
          + simpleName(e) + ").", e);
    }
  }

  private String schemaMismatch(List<String> violations) {
    return "Error: arguments for '" + name + "' do not match its schema: " + String.join("; ", violations)
        + ". Call again with corrected arguments.";
  }

  private String failedText(Exception e) {
    return "Error: tool '" + name + "' failed (" + simpleName(e) + ").";
  }

  private static ToolExecution failed(ToolCall call, String text, @Nullable Throwable failure) {
    return new ToolExecution(ToolResult.error(call, truncate(text)), Optional.ofNullable(failure));
  }

  private void throwIfInterrupted() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("Interrupted while running tool '" + name + "'");
    }
  }

  static String truncate(String text) {
    if (text.length() <= MAX_RESULT_CHARS) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(MAX_RESULT_CHARS - 1)) ? MAX_RESULT_CHARS - 1 : MAX_RESULT_CHARS;
    return text.substring(0, cut) + "\n[truncated: " + (text.length() - cut) + " more characters]";
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }

  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage();
    return e.getLocation() == null
        ? message
        : message + ", at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String simpleName(Throwable e) {
    return e.getClass().getSimpleName().isEmpty() ? e.getClass().getName() : e.getClass().getSimpleName();
  }
}
