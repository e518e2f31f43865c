package dev.conduit.tools.search;

import static java.util.Objects.requireNonNull;

/**
 * One web search hit, as plain text.
 *
 * <pre>{@code
 * new SearchResult("OpenJDK", "https://openjdk.org/", "The place to collaborate on an open-source implementation of Java.")
 * }</pre>
 *
 * @param snippet a short extract of the page, HTML markup removed; "" when the provider gives none
 */
public record SearchResult(String title, String url, String snippet) {
  public SearchResult {
    requireNonNull(title, "title");
    requireNonNull(url, "url");
    requireNonNull(snippet, "snippet");
  }
}
