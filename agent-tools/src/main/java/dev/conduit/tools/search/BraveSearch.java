package dev.conduit.tools.search;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.internal.Http;
import dev.conduit.tools.internal.Http.Answer;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/** Brave Search API, web endpoint: GET ?q=&count= with the key in X-Subscription-Token. */
final class BraveSearch implements SearchProvider {
  static final String NAME = "Brave Search";
  static final String DEFAULT_URL = "https://api.search.brave.com/res/v1/web/search";

  private final ApiKey key;
  private final HttpUrl endpoint;
  private final OkHttpClient client;

  BraveSearch(ApiKey key, HttpUrl endpoint, OkHttpClient client) {
    this.key = key;
    this.endpoint = endpoint;
    this.client = client;
  }

  @Override
  public List<SearchResult> search(String query, int maxResults) {
    HttpUrl url = endpoint.newBuilder()
        .addQueryParameter("q", query)
        .addQueryParameter("count", Integer.toString(maxResults))
        .build();
    Request request = new Request.Builder()
        .url(url)
        .header("Accept", "application/json")
        .header("X-Subscription-Token", key.value())
        .get()
        .build();
    Answer answer = Http.send(client, request, NAME);
    if (!answer.isSuccessful()) {
      throw failure(answer);
    }
    JsonNode root = Http.json(answer.body(), NAME);
    return ProviderSupport.results(root.path("web").path("results"), "description", maxResults);
  }

  private ToolException failure(Answer answer) {
    JsonNode error = ProviderSupport.errorBody(answer, NAME).path("error");
    // Brave answers an unknown or revoked token with 422 and this code rather than 401.
    if (ProviderSupport.string(error, "code").equals("SUBSCRIPTION_TOKEN_INVALID")) {
      return ProviderSupport.failure(NAME, new Answer(401, answer.body()), "");
    }
    return ProviderSupport.failure(NAME, answer, key.scrub(ProviderSupport.string(error, "detail")));
  }

  @Override
  public String toString() {
    return "BraveSearch[endpoint=" + endpoint + "]";
  }
}
