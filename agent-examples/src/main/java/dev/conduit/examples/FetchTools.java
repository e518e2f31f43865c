package dev.conduit.examples;

import java.util.Optional;

/** How the examples use the fetch page tool: its name, its parameter, and the text of its result. */
final class FetchTools {
  static final String TOOL_NAME = "fetchPage";
  static final String URL_PARAMETER = "url";

  private FetchTools() {}

  /** The page text of a successful fetch result ({@code WebPage} as JSON), or the raw content. */
  static String pageText(String content) {
    Optional<String> text = DemoConversation.parse(content).map(n -> n.path("text").asString("")).filter(t -> !t.isEmpty());
    return text.orElse(content);
  }
}
