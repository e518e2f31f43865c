package dev.conduit.agent.tool;

import java.util.List;

/** The model's arguments passed the schema but still cannot become Java values; each violation as {@code "$.path: message"}. */
final class ArgumentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  ArgumentException(List<String> violations) {
    super(String.join("; ", violations), null, false, false);
    this.violations = List.copyOf(violations);
  }

  List<String> violations() {
    return violations;
  }
}
