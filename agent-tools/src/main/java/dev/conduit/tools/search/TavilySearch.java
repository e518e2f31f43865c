package dev.conduit.tools.search;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.internal.Http;
import dev.conduit.tools.internal.Http.Answer;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tavily: POST {query, max_results} with the key as a bearer token (never in the JSON body). */
final class TavilySearch implements SearchProvider {
  static final String NAME = "Tavily";
  static final String DEFAULT_URL = "https://api.tavily.com/search";
  private static final MediaType JSON = MediaType.get("application/json");

  private final ApiKey key;
  private final HttpUrl endpoint;
  private final OkHttpClient client;

  TavilySearch(ApiKey key, HttpUrl endpoint, OkHttpClient client) {
    this.key = key;
    this.endpoint = endpoint;
    this.client = client;
  }

  @Override
  public List<SearchResult> search(String query, int maxResults) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("query", query).put("max_results", maxResults);
    Request request = new Request.Builder()
        .url(endpoint)
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + key.value())
        .post(RequestBody.create(Json.MAPPER.writeValueAsString(body), JSON))
        .build();
    Answer answer = Http.send(client, request, NAME);
    if (!answer.isSuccessful()) {
      throw failure(answer);
    }
    JsonNode root = Http.json(answer.body(), NAME);
    return ProviderSupport.results(root.path("results"), "content", maxResults);
  }

  private ToolException failure(Answer answer) {
    JsonNode detail = ProviderSupport.errorBody(answer, NAME).path("detail");
    String message = detail.isString() ? detail.stringValue() : ProviderSupport.string(detail, "error");
    // 432 and 433 are Tavily's plan and pay-as-you-go limits: like a rate limit, retrying now will not help.
    if (answer.status() == 432 || answer.status() == 433) {
      return new ToolException(NAME + " usage limit of the account was reached (HTTP " + answer.status()
          + "). Web search is not available now; answer without it.");
    }
    return ProviderSupport.failure(NAME, answer, key.scrub(message));
  }

  @Override
  public String toString() {
    return "TavilySearch[endpoint=" + endpoint + "]";
  }
}
