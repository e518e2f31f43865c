package dev.conduit.agent;

import dev.conduit.agent.model.ModelStreamListener;
import java.util.Optional;

/** Turns a model stream's deltas into the run's delta events. */
final class StreamForwarder implements ModelStreamListener {
  private final int turn;
  private final EventSink sink;

  StreamForwarder(int turn, EventSink sink) {
    this.turn = turn;
    this.sink = sink;
  }

  @Override
  public void onTextDelta(String delta) {
    sink.emit(new AgentEvent.TextDelta(turn, delta));
  }

  @Override
  public void onReasoningDelta(String delta) {
    sink.emit(new AgentEvent.ReasoningDelta(turn, delta));
  }

  @Override
  public void onToolCallStarted(int index, String id, String name) {
    sink.emit(new AgentEvent.ToolCallDelta(turn, index, Optional.of(id), Optional.of(name), ""));
  }

  @Override
  public void onToolCallArgumentsDelta(int index, String delta) {
    sink.emit(new AgentEvent.ToolCallDelta(turn, index, Optional.empty(), Optional.empty(), delta));
  }
}
