package dev.conduit.examples;

import dev.conduit.tools.web.FetchPageTools;
import dev.conduit.tools.web.UrlPolicy;
import java.util.Optional;

/** How the examples use the fetch page tool: its name, its parameter, its policy and the text of its result. */
final class FetchTools {
  static final String TOOL_NAME = "fetchPage";
  static final String URL_PARAMETER = "url";

  private FetchTools() {}

  /**
   * The fetch page tool with its default policy: public addresses on ports 80 and 443 only. {@code
   * testOnlyAllow} ({@code HOST:PORT}, from the hidden option {@code --test-only-allow-fetch-from}) lets
   * tests reach a page stand-in on loopback; nothing else ever loosens the policy.
   */
  static FetchPageTools create(Optional<String> testOnlyAllow) {
    if (testOnlyAllow.isEmpty()) {
      return new FetchPageTools();
    }
    String value = testOnlyAllow.get().strip();
    int colon = value.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("--test-only-allow-fetch-from takes HOST:PORT, e.g. 127.0.0.1:8081, got " + value);
    }
    if (colon <= 0) {
      throw new IllegalArgumentException("--test-only-allow-fetch-from takes HOST:PORT, e.g. 127.0.0.1:8081, got " + value);
    }
    return new FetchPageTools(UrlPolicy.builder().allowHost(value.substring(0, colon)).allowPort(port).build());
  }

  /** The page text of a successful fetch result ({@code WebPage} as JSON), or the raw content. */
  static String pageText(String content) {
    Optional<String> text = DemoConversation.parse(content).map(n -> n.path("text").asString("")).filter(t -> !t.isEmpty());
    return text.orElse(content);
  }
}
