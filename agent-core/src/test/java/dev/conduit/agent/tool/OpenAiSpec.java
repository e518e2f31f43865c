package dev.conduit.agent.tool;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.conduit.agent.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The official OpenAI OpenAPI specification, read from {@code shared/openai-openapi/openapi.yaml}
 * beside the repository (never copied into it), to check what Conduit sends against it.
 */
final class OpenAiSpec {
  private static final String SPEC = "shared/openai-openapi/openapi.yaml";
  private static final Schema FUNCTION_OBJECT = schemaOf("FunctionObject");

  private OpenAiSpec() {}

  /** Every way {@code function} breaks the spec's {@code FunctionObject} schema; empty when it conforms. */
  static List<String> functionObjectViolations(JsonNode function) {
    return FUNCTION_OBJECT.validate(function).stream().map(Error::toString).toList();
  }

  /** The tool definition as it goes on the wire in a Chat Completions {@code function} object. */
  static ObjectNode functionObject(ToolDefinition definition) {
    ObjectNode function = Json.MAPPER.createObjectNode();
    function.put("name", definition.name());
    function.put("description", definition.description());
    function.set("parameters", Json.MAPPER.readTree(definition.parametersJson()));
    function.put("strict", definition.strict());
    return function;
  }

  private static Schema schemaOf(String component) {
    String yaml;
    try {
      yaml = Files.readString(locate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // SnakeYAML refuses one block scalar of the spec whose blank line holds more spaces than its
    // indentation (js-yaml, which OpenAI uses, accepts it); blank lines carry no schema meaning.
    JsonNode spec = new YAMLMapper().readTree(yaml.replaceAll("(?m)^[ \\t]+$", ""));
    // The spec's $refs point at #/components/schemas/..., so the document keeps its components and
    // its root refers to the one component under test.
    ObjectNode document = Json.MAPPER.createObjectNode();
    document.set("components", spec.get("components"));
    document.put("$ref", "#/components/schemas/" + component);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(document);
  }

  private static Path locate() {
    List<Path> tried = new ArrayList<>();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SPEC);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      tried.add(candidate);
    }
    throw new IllegalStateException("The OpenAI OpenAPI spec is missing: looked for " + tried
        + ". Put the shared folder beside the repository, so that ../shared/openai-openapi/openapi.yaml"
        + " resolves from its root (../../shared/... from agent-core).");
  }
}
