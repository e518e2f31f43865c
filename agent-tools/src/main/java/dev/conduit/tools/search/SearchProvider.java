package dev.conduit.tools.search;

import dev.conduit.agent.tool.ToolException;
import java.util.List;

/**
 * A web search backend. Conduit ships Brave, Tavily and SearXNG ({@link SearchProviders}); implement
 * this to use another.
 *
 * <pre>{@code
 * SearchProvider intranet = (query, maxResults) -> wiki.find(query).stream()
 *     .limit(maxResults)
 *     .map(page -> new SearchResult(page.title(), page.url(), page.summary()))
 *     .toList();
 * Agent agent = Agent.builder()...tools(new SearchTools(intranet)).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: tool calls of one turn run in parallel.
 */
@FunctionalInterface
public interface SearchProvider {
  /**
   * Searches the web.
   *
   * @param query the query, not blank
   * @param maxResults 1 to 20; return at most this many
   * @return the results, best first; empty when nothing matched
   * @throws ToolException when the search cannot be done (bad key, rate limit, outage), with a message for
   *     the model that never contains a secret
   */
  List<SearchResult> search(String query, int maxResults);
}
