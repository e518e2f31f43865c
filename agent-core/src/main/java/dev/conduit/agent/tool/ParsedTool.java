package dev.conduit.agent.tool;

import static java.util.Objects.requireNonNull;

/**
 * One tool as read once by {@link Toolbox#of}: what the model sees, how to run it, and where it was
 * declared (for messages about it).
 */
record ParsedTool(ToolDefinition definition, ToolInvoker invoker, String location) {
  ParsedTool {
    requireNonNull(definition, "definition");
    requireNonNull(invoker, "invoker");
    requireNonNull(location, "location");
  }

  String name() {
    return definition.name();
  }
}
