package dev.conduit.agent.bench;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Conduit as a user writes it: an {@link OpenAiClient}, an {@link Agent} with {@link WeatherTools}, {@code run}. */
final class ConduitClient implements BenchClient {
  private final String name;
  private final Agent agent;
  private final boolean stream;
  private final List<Long> firstText = new ArrayList<>();

  ConduitClient(String name, Optional<OkHttpClient> http, HttpUrl baseUrl, Endpoint endpoint, boolean stream, int latencyMs) {
    this(name, http, baseUrl, endpoint, stream, latencyMs, Optional.empty());
  }

  /** With a tool executor, e.g. {@code Runnable::run} to run the tools on the calling thread. */
  ConduitClient(String name, Optional<OkHttpClient> http, HttpUrl baseUrl, Endpoint endpoint, boolean stream, int latencyMs,
      Optional<Executor> toolExecutor) {
    this.name = name;
    this.stream = stream;
    OpenAiClient.Builder client = OpenAiClient.builder()
        .apiKey(Fixture.API_KEY)
        .baseUrl(baseUrl.toString())
        .endpoint(endpoint)
        .header(Fixture.LATENCY_HEADER, Integer.toString(latencyMs));
    http.ifPresent(client::httpClient);
    AgentBuilder agent = Agent.builder()
        .client(client.build())
        .model(Fixture.MODEL)
        .instructions(Fixture.INSTRUCTIONS)
        .tools(new WeatherTools());
    toolExecutor.ifPresent(agent::executor);
    this.agent = agent.build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Long> firstTextNanos() {
    return firstText;
  }

  @Override
  public String run() {
    if (!stream) {
      return agent.run(Fixture.QUESTION).finalText();
    }
    boolean[] seen = new boolean[1];
    return agent.runStreaming(Fixture.QUESTION, event -> {
      if (!seen[0] && event instanceof AgentEvent.TextDelta d && !d.text().isEmpty()) {
        seen[0] = true;
        firstText.add(System.nanoTime() - FirstByteClock.lastResponseStart());
      }
    }).finalText();
  }
}
