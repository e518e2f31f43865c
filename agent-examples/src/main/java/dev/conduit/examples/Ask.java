package dev.conduit.examples;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.model.ModelClient;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** What the weather and search commands share: set up the model, run one question, print it all. */
final class Ask {
  private Ask() {}

  static int run(ConduitCli.Console console, ModelOptions options, List<String> words, Supplier<ModelClient> demo,
      UnaryOperator<AgentBuilder> agent) {
    String question = String.join(" ", words).strip();
    if (question.isEmpty()) {
      throw new IllegalArgumentException("the question is empty: ask something, e.g. \"What's the weather in Tokyo?\"");
    }
    ModelSetup setup = ModelSetup.from(options, console.env(), model -> demo.get());
    ConsolePrinter printer = new ConsolePrinter(console.out());
    if (setup.demo()) {
      printer.line(ModelSetup.DEMO_NOTICE);
    }
    Agent built = agent.apply(setup.agent()).listener(printer).build();
    // The printer is an agent listener, so it sees the streamed deltas of runStreaming as well.
    RunResult result = options.stream ? built.runStreaming(question, event -> { }) : built.run(question);
    printer.finish(result);
    return 0;
  }
}
