package dev.conduit.tools.search;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.internal.Http;
import dev.conduit.tools.internal.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** What the three providers share: reading result arrays, and turning HTTP failures into texts. */
final class ProviderSupport {
  private static final int MAX_SNIPPET_CHARS = 1000;

  private ProviderSupport() {}

  /** Reads {@code [{title, url, <snippetField>}]}, skipping entries without a URL. */
  static List<SearchResult> results(JsonNode array, String snippetField, int maxResults) {
    List<SearchResult> results = new ArrayList<>();
    for (JsonNode item : array) {
      if (results.size() == maxResults) {
        break;
      }
      String url = string(item, "url");
      if (url.isEmpty()) {
        continue;
      }
      results.add(new SearchResult(plainText(string(item, "title")), url,
          Http.excerpt(plainText(string(item, snippetField)), MAX_SNIPPET_CHARS)));
    }
    return results;
  }

  static String string(JsonNode parent, String field) {
    JsonNode value = parent.path(field);
    return value.isString() ? value.stringValue() : "";
  }

  /** Brave marks query words with {@code <strong>} and escapes entities; the model needs neither. */
  static String plainText(String html) {
    return html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html.strip() : Jsoup.parseBodyFragment(html).text();
  }

  /**
   * The text for a failed call. {@code detail} is the provider's own error message, already scrubbed of
   * the key; it is quoted only where it helps the model correct its request.
   */
  static ToolException failure(String provider, Answer answer, String detail) {
    int status = answer.status();
    if (status == 401 || status == 403) {
      return new ToolException(provider + " rejected the API key (HTTP " + status + "). Web search is not "
          + "available now; answer without it.");
    }
    if (status == 429) {
      return new ToolException(provider + " rate limit reached (HTTP 429). Wait before searching again, or answer "
          + "without web search.");
    }
    if (status >= 500) {
      return new ToolException(provider + " is unavailable (HTTP " + status + "). Try again later or answer "
          + "without web search.");
    }
    if (status >= 300 && status < 400) {
      return new ToolException(provider + " answered with a redirect (HTTP " + status + "), which is not followed. "
          + "Web search is not available now; answer without it.");
    }
    return new ToolException(provider + " rejected the search (HTTP " + status + ")"
        + (detail.isEmpty() ? "." : ": " + Http.excerpt(detail, 300)));
  }

  /** The parsed error body, or a missing node when the body is not JSON (an HTML error page). */
  static JsonNode errorBody(Answer answer, String provider) {
    try {
      return Http.json(answer.body(), provider);
    } catch (ToolException notJson) {
      return MissingNode.getInstance();
    }
  }
}
