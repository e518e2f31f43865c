package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.openai.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * RELIABILITY.md b1-b35 over real HTTP, on Chat Completions and Responses, streamed and not: each
 * row's exact outcome, then the leak checks of {@link Lab#close()}, then the canary: the key is in
 * no exception message, {@code toString}, event or request body. Rows already covered exactly by
 * the client's and the loop's tests are listed in {@code reliability/FAULT-MATRIX.md}.
 */
@Timeout(300)
class FaultMatrixTest {
  static List<Lab.Mode> modes() {
    return List.of(new Lab.Mode(Endpoint.CHAT_COMPLETIONS, false), new Lab.Mode(Endpoint.CHAT_COMPLETIONS, true),
        new Lab.Mode(Endpoint.RESPONSES, false), new Lab.Mode(Endpoint.RESPONSES, true));
  }

  @TestFactory
  Stream<DynamicNode> everyRowOnEveryEndpointAndMode() {
    List<DynamicNode> rows = new ArrayList<>();
    for (FaultScenarios.Scenario scenario : FaultScenarios.all()) {
      List<DynamicTest> cases = new ArrayList<>();
      for (Lab.Mode mode : modes()) {
        if (mode.appliesTo(scenario)) {
          cases.add(DynamicTest.dynamicTest(mode.toString(), () -> run(scenario, mode)));
        }
      }
      rows.add(DynamicContainer.dynamicContainer(scenario.toString(), cases));
    }
    return rows.stream();
  }

  static void run(FaultScenarios.Scenario scenario, Lab.Mode mode) throws Exception {
    List<String> seen;
    try (Lab lab = new Lab(mode.endpoint(), mode.streaming())) {
      scenario.body().run(lab);
      lab.requests();
      seen = lab.seen;
    }
    assertThat(seen).isNotEmpty();
    seen.forEach(Canary::assertAbsent);
  }
}
