package dev.conduit.agent.tool;

import dev.conduit.agent.internal.JsonSchemas;
import dev.conduit.agent.internal.JsonSchemas.Mode;
import dev.conduit.agent.internal.JsonSchemas.Property;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool's parameter schema, strict when asked and possible: a schema strict mode cannot express
 * (a {@code Map}, say) makes the tool non-strict, with an INFO line saying why, rather than a
 * request the API refuses. Arguments are always checked against the non-strict form, in which
 * optional parameters may be left out: gateways without strict mode do leave them out.
 */
final class SchemaFactory {
  private static final Logger log = LoggerFactory.getLogger(Toolbox.class);

  /** The schema sent to the model, whether it is strict, and the schema the arguments are checked against. */
  record ToolSchema(ObjectNode json, boolean strict, ObjectNode validation) {}

  private SchemaFactory() {}

  static ToolSchema forParameters(String tool, List<Property> properties, boolean strictRequested) {
    return choose(tool, mode -> JsonSchemas.objectSchema(properties, mode), strictRequested);
  }

  static ToolSchema forType(String tool, Class<?> type, boolean strictRequested) {
    return choose(tool, mode -> JsonSchemas.schemaFor(type, mode), strictRequested);
  }

  private static ToolSchema choose(String tool, Function<Mode, ObjectNode> schemaIn, boolean strictRequested) {
    if (strictRequested) {
      ObjectNode strict = schemaIn.apply(Mode.STRICT);
      List<String> violations = JsonSchemas.strictModeViolations(strict);
      if (violations.isEmpty()) {
        return new ToolSchema(strict, true, schemaIn.apply(Mode.NON_STRICT));
      }
      log.info("Tool '{}' is sent with strict: false, because OpenAI's strict mode cannot express its parameters: {}",
          tool, String.join("; ", violations));
    }
    ObjectNode nonStrict = schemaIn.apply(Mode.NON_STRICT);
    return new ToolSchema(nonStrict, false, nonStrict);
  }
}
