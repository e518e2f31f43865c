package dev.conduit.agent.tool;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem with the tools being read, so that they are all reported at once. */
final class Problems {
  private final List<String> problems = new ArrayList<>();

  /** Records one problem: what is wrong, the fix to type, and where (each a {@code Class.method}). */
  void add(String problem, String fix, List<String> locations) {
    StringBuilder text = new StringBuilder(problem).append("\nFix: ").append(fix);
    for (String location : locations) {
      text.append("\n  at ").append(location);
    }
    problems.add(text.toString());
  }

  void add(String problem, String fix, String location) {
    add(problem, fix, List.of(location));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ToolDefinitionException(problems);
    }
  }
}
