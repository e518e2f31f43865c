package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.internal.JsonSchemas;
import dev.conduit.agent.tool.Fixtures.Folder;
import dev.conduit.agent.tool.Fixtures.Order;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The strict-mode schemas the agent package uses for structured output, and the local strict-mode check. */
class JsonSchemasTest {
  record Tagged(String name, Map<String, String> tags) {}

  @Test
  void strictSchemaOfARecordIsCompactAndStrict() {
    String schema = JsonSchemas.strictSchemaFor(Order.class);

    assertThat(schema).doesNotContain("\n").doesNotContain(": ");
    assertThat(Json.MAPPER.readTree(schema).toPrettyString())
        .isEqualTo(Golden.check("structured/order.json", Json.MAPPER.readTree(schema).toPrettyString()));
    assertThat(JsonSchemas.strictModeViolations(Json.MAPPER.readTree(schema))).isEmpty();
  }

  @Test
  void strictSchemaOfARecursiveRecordRefersToItsRoot() {
    String schema = JsonSchemas.strictSchemaFor(Folder.class);

    assertThat(schema).isEqualTo("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
        + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}},\"required\":[\"name\",\"children\"],"
        + "\"description\":\"A folder and its subfolders\",\"additionalProperties\":false}");
  }

  @Test
  void strictSchemaOfARecordWithAMapNamesTheProblem() {
    assertThatThrownBy(() -> JsonSchemas.strictSchemaFor(Tagged.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dev.conduit.agent.tool.JsonSchemasTest$Tagged cannot be described in OpenAI's strict mode:"
            + " $.properties.tags.additionalProperties: must be false in strict mode (a Map's values cannot be described)."
            + " Use a record whose components are strings, numbers, booleans, enums, records, lists or Optionals (no Map, no Object).");
  }

  @Test
  void strictSchemaOfAStringIsNotAnObject() {
    assertThatThrownBy(() -> JsonSchemas.strictSchemaFor(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String cannot be described in OpenAI's strict mode:"
            + " $: the root must be {\"type\": \"object\"} in strict mode.");
  }

  private static List<String> violations(String schema) {
    return JsonSchemas.strictModeViolations(Json.MAPPER.readTree(schema));
  }

  @Test
  void strictModeRefusesAnyOfAtTheRoot() {
    assertThat(violations("{\"anyOf\": [{\"type\": \"object\", \"properties\": {}, \"required\": [], \"additionalProperties\": false}]}"))
        .containsExactly("$: the root must be {\"type\": \"object\"} in strict mode", "$.anyOf: not allowed at the root in strict mode");
  }

  @Test
  void strictModeNeedsClosedObjectsWithEveryPropertyRequired() {
    assertThat(violations("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"object\","
        + " \"properties\": {\"c\": {\"type\": \"integer\"}}}}, \"required\": [\"b\"], \"additionalProperties\": false}"))
        .containsExactly(
            "$.properties.b.additionalProperties: must be false in strict mode",
            "$.properties.b.required: must list every property in strict mode; missing c",
            "$.required: must list every property in strict mode; missing a");
  }

  @Test
  void strictModeRefusesUnsupportedKeywordsAndFormats() {
    assertThat(violations("{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1,"
        + " \"format\": \"uri\"}, \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"uniqueItems\": true},"
        + " \"any\": {}, \"x\": {\"allOf\": [{\"type\": \"string\"}]}}, \"required\": [\"name\", \"tags\", \"any\", \"x\"],"
        + " \"additionalProperties\": false}"))
        .containsExactly(
            "$.properties.name.minLength: not supported in strict mode for type string",
            "$.properties.name.format: \"uri\" is not supported in strict mode"
                + " (supported: date, date-time, duration, email, hostname, ipv4, ipv6, time, uuid)",
            "$.properties.tags.uniqueItems: not supported in strict mode for type array",
            "$.properties.any: needs exactly one of \"type\", \"anyOf\" or \"$ref\" in strict mode"
                + " (a value of any type, such as Object, cannot be described)",
            "$.properties.x: needs exactly one of \"type\", \"anyOf\" or \"$ref\" in strict mode"
                + " (a value of any type, such as Object, cannot be described)",
            "$.properties.x.allOf: not supported in strict mode");
  }

  @Test
  void strictModeRefusesReferencesToMissingDefinitions() {
    assertThat(violations("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/Missing\"}},"
        + " \"required\": [\"a\"], \"additionalProperties\": false}"))
        .containsExactly("$.properties.a.$ref: \"#/$defs/Missing\" does not point to the root or to an entry of $defs");
  }

  private static ObjectNode object(Map<String, JsonNode> properties) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode props = node.putObject("properties");
    ArrayNode required = node.putArray("required");
    properties.forEach((name, schema) -> {
      props.set(name, schema);
      required.add(name);
    });
    node.put("additionalProperties", false);
    return node;
  }

  @Test
  void strictModeAllowsTenLevelsOfNestedObjects() {
    ObjectNode ten = Json.MAPPER.createObjectNode().put("type", "string");
    for (int level = 1; level <= 10; level++) {
      ten = object(Map.of("next", ten));
    }
    ObjectNode eleven = object(Map.of("next", ten));

    assertThat(JsonSchemas.strictModeViolations(ten)).isEmpty();
    assertThat(JsonSchemas.strictModeViolations(eleven)).containsExactly(
        "$.properties.next.properties.next.properties.next.properties.next.properties.next.properties.next"
            + ".properties.next.properties.next.properties.next.properties.next: objects nested 11 levels deep,"
            + " more than the 10 strict mode allows");
  }

  @Test
  void strictModeAllowsFiveThousandProperties() {
    ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    for (int i = 0; i < 5_001; i++) {
      props.putObject("p" + i).put("type", "boolean");
      required.add("p" + i);
    }
    schema.put("additionalProperties", false);

    assertThat(JsonSchemas.strictModeViolations(schema))
        .containsExactly("$: 5001 object properties in total, more than the 5000 strict mode allows");
  }

  @Test
  void strictModeLimitsEnumValues() {
    ArrayNode many = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 1_001; i++) {
      many.add("v" + i);
    }
    ArrayNode long251 = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 251; i++) {
      long251.add(String.format("%060d", i));
    }
    ObjectNode tooMany = object(Map.of("e", Json.MAPPER.createObjectNode().put("type", "string").set("enum", many)));
    ObjectNode tooLong = object(Map.of("e", Json.MAPPER.createObjectNode().put("type", "string").set("enum", long251)));

    assertThat(JsonSchemas.strictModeViolations(tooMany))
        .containsExactly("$: 1001 enum values in total, more than the 1000 strict mode allows");
    assertThat(JsonSchemas.strictModeViolations(tooLong)).containsExactly("$.properties.e.enum: 251 values of 15060 characters"
        + " in total; strict mode allows at most 15000 characters in an enum of more than 250 values");
  }

  @Test
  void strictModeLimitsTheTotalLengthOfNames() {
    ObjectNode schema = object(Map.of("n".repeat(120_001), Json.MAPPER.createObjectNode().put("type", "string")));

    assertThat(JsonSchemas.strictModeViolations(schema)).containsExactly("$: property names, definition names, enum and const"
        + " values add up to 120001 characters, more than the 120000 strict mode allows");
  }
}
