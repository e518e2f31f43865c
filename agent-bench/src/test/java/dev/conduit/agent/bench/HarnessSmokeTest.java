package dev.conduit.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.tool.ToolDefinition;
import dev.conduit.agent.tool.Toolbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every scenario of the harness once, with one iteration, checking answers and never times: the
 * measurements themselves run only on request (-Pbench, or the Harness main).
 */
class HarnessSmokeTest {

  @Test
  @Timeout(180)
  void everyScenarioRunsOnceAndEveryRunGetsTheRightAnswer() throws Exception {
    ObjectNode report = Harness.run(Harness.Settings.smoke());

    for (String endpoint : List.of("chatCompletions", "responses")) {
      for (String client : List.of("raw", "conduit")) {
        JsonNode figures = report.path("run").path(endpoint).path(client);
        assertThat(figures.path("errors").asLong()).as(endpoint + " " + client + ": " + figures).isZero();
        assertThat(figures.path("runs").asInt()).as(endpoint + " " + client).isEqualTo(1);
      }
    }
    for (String latency : List.of("latency0ms", "latency50ms")) {
      for (int concurrency : List.of(1, 16, 64, 256)) {
        for (String client : List.of("raw", "conduit")) {
          JsonNode figures = report.path("throughput").path(latency).path("concurrency" + concurrency).path(client);
          assertThat(figures.path("errors").asLong()).as(latency + " " + concurrency + " " + client + ": " + figures).isZero();
          assertThat(figures.path("runs").asLong()).as(latency + " " + concurrency + " " + client)
              .isGreaterThanOrEqualTo(concurrency);
        }
      }
    }
    for (String tools : List.of("tools4", "tools64")) {
      assertThat(report.path("dispatch").path(tools).path("errors").asLong()).as(tools).isZero();
    }
    for (String client : List.of("raw-sse", "conduit-stream")) {
      JsonNode figures = report.path("streaming").path(client);
      assertThat(figures.path("errors").asLong()).as(client + ": " + figures).isZero();
      assertThat(figures.path("firstSseByteToFirstTextMicrosP50").isNumber()).as(client + " timed its first text").isTrue();
    }
    assertThat(report.path("toolbox").path("tools").asInt()).isEqualTo(20);
    // 23 targets, and on JDK 21+ six more: the run scenario again from a virtual-thread caller.
    int fromVirtualThreads = Harness.virtualThreads().isPresent() ? 6 : 0;
    assertThat(report.path("targets").size()).isEqualTo(23 + fromVirtualThreads);
    for (String endpoint : List.of("chatCompletions", "responses")) {
      JsonNode virtual = report.path("run").path(endpoint + "CallerOnVirtualThread");
      assertThat(virtual.isMissingNode()).as(endpoint + " from a virtual thread").isEqualTo(fromVirtualThreads == 0);
      if (!virtual.isMissingNode()) {
        assertThat(virtual.path("conduit").path("errors").asLong()).as(endpoint + " from a virtual thread").isZero();
      }
    }
  }

  @Test
  void theRawClientsSendTheSchemaConduitDerivesForTheTool() {
    ToolDefinition definition = Toolbox.of(new WeatherTools()).definitions().get(0);

    assertThat(definition.name()).isEqualTo(Fixture.TOOL_NAME);
    assertThat(definition.description()).isEqualTo(Fixture.TOOL_DESCRIPTION);
    assertThat(definition.parametersJson()).isEqualTo(Fixture.TOOL_SCHEMA);
    assertThat(definition.strict()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  @Timeout(60)
  void theStandInPlaysTheScriptOnBothEndpointsStreamedAndNot(Endpoint endpoint) throws Exception {
    try (StandInProcess standIn = StandInProcess.start()) {
      Agent agent = Agent.builder()
          .client(OpenAiClient.builder().apiKey(Fixture.API_KEY).baseUrl(standIn.baseUrl().toString()).endpoint(endpoint).build())
          .model(Fixture.MODEL)
          .instructions(Fixture.INSTRUCTIONS)
          .tools(new WeatherTools())
          .build();

      RunResult plain = agent.run(Fixture.QUESTION);
      List<String> deltas = new ArrayList<>();
      RunResult streamed = agent.runStreaming(Fixture.QUESTION, event -> {
        if (event instanceof AgentEvent.TextDelta d) {
          deltas.add(d.text());
        }
      });

      for (RunResult result : List.of(plain, streamed)) {
        assertThat(result.finalText()).isEqualTo(Fixture.ANSWER);
        assertThat(result.turns()).isEqualTo(2);
        assertThat(result.messages()).filteredOn(m -> m instanceof ToolResult)
            .extracting(m -> ((ToolResult) m).content())
            .containsExactly("{\"city\":\"Tokyo\",\"sky\":\"sunny\",\"celsius\":18}",
                "{\"city\":\"Paris\",\"sky\":\"cloudy\",\"celsius\":12}",
                "{\"city\":\"Oslo\",\"sky\":\"snowing\",\"celsius\":-3}");
      }
      assertThat(deltas).containsExactly(StandIn.ANSWER_CHUNKS);
    }
  }

  @Test
  @Timeout(60)
  void theStandInSaysSoWhenToolResultsAreMissing() throws Exception {
    try (StandInProcess standIn = StandInProcess.start()) {
      BenchClient forgetful = new BenchClient() {
        @Override
        public String name() {
          return "forgetful";
        }

        @Override
        public String run() throws Exception {
          Agent agent = Agent.builder()
              .client(OpenAiClient.builder().apiKey(Fixture.API_KEY).baseUrl(standIn.baseUrl().toString()).build())
              .model(Fixture.MODEL)
              .tools(dev.conduit.agent.tool.FunctionTool.of(Fixture.TOOL_NAME, "Forgets the weather",
                  City.class, c -> "no idea"))
              .build();
          return agent.run(Fixture.QUESTION).finalText();
        }
      };

      assertThat(Harness.check(forgetful)).isEqualTo(Optional.of("wrong answer: " + Fixture.MISSING));
    }
  }

  /** The arguments of the forgetful tool. */
  record City(String city) {}
}
