package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.model.ModelException;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelSettings;
import java.util.List;
import java.util.Optional;

/**
 * One run: ask the model, run the tools it calls, feed the results back, until it answers.
 * A new instance per run; not thread-safe.
 */
final class AgentLoop {
  private final Agent agent;
  private final ModelSettings settings;
  private final EventSink sink;
  private final boolean streaming;

  AgentLoop(Agent agent, ModelSettings settings, EventSink sink, boolean streaming) {
    this.agent = agent;
    this.settings = settings;
    this.sink = sink;
    this.streaming = streaming;
  }

  RunResult run(List<Message> input) {
    Transcript transcript = Transcript.start(agent.instructions(), input);
    ToolBudget budget = agent.newToolBudget();
    TurnJudge judge = new TurnJudge(agent.allowEmptyAnswer());
    try {
      for (int turn = 1; turn <= agent.maxTurns(); turn++) {
        ModelResponse response = callModel(turn, transcript);
        transcript.append(response);
        sink.emit(new AgentEvent.TurnCompleted(turn, response.message(), response.usage()));
        TurnOutcome outcome = judge.judge(response, transcript);
        if (outcome instanceof TurnOutcome.FinalAnswer answer) {
          return finish(transcript, turn, answer.text(), answer.truncated());
        }
        List<ToolResult> results = runTools(turn, outcome, transcript, budget);
        Optional<ToolResult> stop = agent.stopResult(results);
        if (stop.isPresent()) {
          return finish(transcript, turn, stop.get().content(), false);
        }
        Optional<String> hopeless = budget.recordResults(results);
        if (hopeless.isPresent()) {
          throw new ModelBehaviorException(hopeless.get(), transcript.snapshot(), transcript.usage());
        }
      }
    } catch (InterruptedException e) {
      throw agent.cancelled(transcript.snapshot(), transcript.usage());
    }
    throw new MaxTurnsExceededException(agent.maxTurns(), transcript.snapshot(), transcript.usage());
  }

  private ModelResponse callModel(int turn, Transcript transcript) throws InterruptedException {
    sink.emit(new AgentEvent.TurnStarted(turn));
    Optional<String> previous = agent.serverSideState() ? transcript.lastResponseId() : Optional.empty();
    ModelRequest request = new ModelRequest(agent.model(), transcript.snapshot(), agent.toolbox().definitions(), settings, previous);
    try {
      return streaming
          ? agent.client().stream(request, new StreamForwarder(turn, sink))
          : agent.client().complete(request);
    } catch (ModelException e) {
      throw new ModelCallException(turn, e, transcript.snapshot(), transcript.usage());
    }
  }

  private List<ToolResult> runTools(int turn, TurnOutcome outcome, Transcript transcript, ToolBudget budget)
      throws InterruptedException {
    if (outcome instanceof TurnOutcome.RejectTools reject) {
      List<ToolResult> results = answerAll(reject.calls(), reject.reason());
      transcript.appendAll(results);
      return results;
    }
    List<ToolCall> calls = ((TurnOutcome.RunTools) outcome).calls();
    Optional<String> overLimit = budget.admit(calls);
    if (overLimit.isPresent()) {
      // Answer every call before stopping, so the transcript stays valid to resume from.
      transcript.appendAll(answerAll(calls, "Error: not run, the run's tool call limit was reached."));
      throw new ToolCallLimitExceededException(overLimit.get(), transcript.snapshot(), transcript.usage());
    }
    try {
      List<ToolResult> results = agent.dispatcher().runAll(turn, calls, sink);
      transcript.appendAll(results);
      return results;
    } catch (ToolDispatcher.Interrupted e) {
      transcript.appendAll(e.results());
      throw new InterruptedException();
    }
  }

  private static List<ToolResult> answerAll(List<ToolCall> calls, String error) {
    return calls.stream().map(c -> ToolResult.error(c, error)).toList();
  }

  private RunResult finish(Transcript transcript, int turns, String text, boolean truncated) {
    RunResult result = new RunResult(text, transcript.snapshot(), transcript.usage(), transcript.turnUsages(),
        agent.pricing().costOf(agent.model(), transcript.usage()), turns, truncated, transcript.lastResponseId());
    sink.emit(new AgentEvent.RunCompleted(turns, result));
    return result;
  }
}
