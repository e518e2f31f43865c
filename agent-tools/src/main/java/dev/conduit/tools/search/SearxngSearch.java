package dev.conduit.tools.search;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.internal.Http;
import dev.conduit.tools.internal.Http.Answer;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/** A SearXNG instance: GET {base}/search?q=&format=json. It has no result-count parameter, so we cut. */
final class SearxngSearch implements SearchProvider {
  static final String NAME = "SearXNG";

  private final HttpUrl endpoint;
  private final OkHttpClient client;

  SearxngSearch(HttpUrl endpoint, OkHttpClient client) {
    this.endpoint = endpoint;
    this.client = client;
  }

  @Override
  public List<SearchResult> search(String query, int maxResults) {
    HttpUrl url = endpoint.newBuilder()
        .addQueryParameter("q", query)
        .addQueryParameter("format", "json")
        .build();
    Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
    Answer answer = Http.send(client, request, NAME);
    if (answer.status() == 403) {
      // SearXNG's default settings.yml allows only the html format and answers 403 to format=json.
      throw new ToolException(NAME + " refused the JSON format (HTTP 403); its settings.yml must list json under "
          + "search.formats. Web search is not available now; answer without it.");
    }
    if (!answer.isSuccessful()) {
      throw ProviderSupport.failure(NAME, answer, "");
    }
    JsonNode root = Http.json(answer.body(), NAME);
    return ProviderSupport.results(root.path("results"), "content", maxResults);
  }

  @Override
  public String toString() {
    return "SearxngSearch[endpoint=" + endpoint + "]";
  }
}
