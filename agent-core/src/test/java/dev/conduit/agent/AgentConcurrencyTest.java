package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.testing.ScriptedModel;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AgentConcurrencyTest {
  /** Each call waits until all of the turn's calls have started: only parallel dispatch lets them meet. */
  public static class Rendezvous {
    final CountDownLatch allStarted;

    Rendezvous(int calls) {
      allStarted = new CountDownLatch(calls);
    }

    @Tool("Meet the other calls")
    public String meet(@Param("Who") String who) throws InterruptedException {
      allStarted.countDown();
      boolean met = allStarted.await(10, TimeUnit.SECONDS);
      return who + (met ? " met the others" : " waited alone");
    }
  }

  public static class Sleepy {
    final AtomicInteger running = new AtomicInteger();
    final AtomicBoolean interrupted = new AtomicBoolean();
    final CountDownLatch started = new CountDownLatch(1);

    @Tool("Sleeps a long time")
    public String sleep(@Param("Seconds") int seconds) {
      running.incrementAndGet();
      started.countDown();
      try {
        Thread.sleep(seconds * 1000L);
        return "slept";
      } catch (InterruptedException e) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
        return "interrupted";
      } finally {
        running.decrementAndGet();
      }
    }

    @Tool("Answers at once")
    public String quick(@Param("Text") String text) {
      return text;
    }
  }

  private static ToolCall call(String id, String name, String args) {
    return new ToolCall(id, name, args);
  }

  @Test
  void agentRunsAllToolCallsOfOneTurnInParallel() {
    Rendezvous tools = new Rendezvous(4);
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("a", "meet", "{\"who\":\"a\"}"), call("b", "meet", "{\"who\":\"b\"}"),
            call("c", "meet", "{\"who\":\"c\"}"), call("d", "meet", "{\"who\":\"d\"}"))
        .text("done")
        .build();
    RunResult result = Agent.builder().client(model).model("m").tools(tools).build().run("Meet");

    assertThat(result.messages()).filteredOn(ToolResult.class::isInstance)
        .extracting(m -> ((ToolResult) m).content())
        .containsExactly("a met the others", "b met the others", "c met the others", "d met the others");
  }

  @Test
  void aToolPastItsTimeoutIsInterruptedAndReportedWhileTheOthersKeepTheirResults() {
    Sleepy tools = new Sleepy();
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("s", "sleep", "{\"seconds\":20}"), call("q", "quick", "{\"text\":\"fast\"}"))
        .text("done")
        .build();
    List<AgentEvent> events = Collections.synchronizedList(new ArrayList<>());
    RunResult result = Agent.builder().client(model).model("m").tools(tools)
        .toolTimeout(Duration.ofMillis(200)).listener(events::add).build().run("Go");

    assertThat(result.messages()).filteredOn(ToolResult.class::isInstance).containsExactly(
        new ToolResult("s", "sleep", "Tool 'sleep' timed out after 200 ms.", true),
        new ToolResult("q", "quick", "fast", false));
    await().untilAsserted(() -> assertThat(tools.interrupted).isTrue());
    assertThat(events).filteredOn(AgentEvent.ToolCallFailed.class::isInstance).hasSize(1);
  }

  @Test
  void cancellingAnAsyncRunInterruptsItsToolsAndLeavesNothingRunning() throws Exception {
    Sleepy tools = new Sleepy();
    ScriptedModel model = ScriptedModel.builder().toolCalls(call("s", "sleep", "{\"seconds\":30}")).text("never").build();
    Agent agent = Agent.builder().client(model).model("m").tools(tools).build();

    CompletableFuture<RunResult> run = agent.runAsync("Sleep");
    assertThat(tools.started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(run.cancel(true)).isTrue();

    assertThatThrownBy(run::join).isInstanceOf(CancellationException.class);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(tools.running).hasValue(0);
      assertThat(tools.interrupted).isTrue();
    });
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void aRunPastItsTimeoutStopsWithTheConversationSoFar() {
    Sleepy tools = new Sleepy();
    ScriptedModel model = ScriptedModel.builder().toolCalls(call("s", "sleep", "{\"seconds\":30}")).text("never").build();
    Agent agent = Agent.builder().client(model).model("m").tools(tools).runTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> agent.run("Sleep"))
        .isInstanceOfSatisfying(RunTimeoutException.class, e -> assertThat(e.messages()).last()
            .isEqualTo(new ToolResult("s", "sleep", "Error: tool 'sleep' was cancelled.", true)))
        .hasMessageContaining("longer than its timeout of 300 ms");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    await().untilAsserted(() -> assertThat(tools.running).hasValue(0));
  }

  @Test
  void interruptingTheCallerCancelsTheRunAndKeepsTheInterruptFlag() throws Exception {
    Sleepy tools = new Sleepy();
    ScriptedModel model = ScriptedModel.builder().toolCalls(call("s", "sleep", "{\"seconds\":30}")).text("never").build();
    Agent agent = Agent.builder().client(model).model("m").tools(tools).build();
    AtomicBoolean flagKept = new AtomicBoolean();
    List<Throwable> thrown = new ArrayList<>();
    Thread caller = new Thread(() -> {
      try {
        agent.run("Sleep");
      } catch (RuntimeException e) {
        thrown.add(e);
        flagKept.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    assertThat(tools.started.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown).singleElement().isInstanceOf(RunCancelledException.class);
    assertThat(flagKept).isTrue();
  }

  @Test
  void oneAgentServesManyConcurrentRuns() {
    ScriptedModel model = ScriptedModel.answering(r -> r.messages().get(r.messages().size() - 1) instanceof ToolResult t
        ? ScriptedModel.Turn.text("echo " + t.content())
        : ScriptedModel.Turn.toolCalls(call("c", "quick", "{\"text\":\"" + r.messages().size() + "x\"}")));
    Agent agent = Agent.builder().client(model).model("m").tools(new Sleepy()).build();

    List<CompletableFuture<RunResult>> runs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      runs.add(agent.runAsync("Q" + i));
    }
    assertThat(runs).allSatisfy(f -> assertThat(f.join().finalText()).isEqualTo("echo 1x"));
  }

  @Test
  void streamingDeliversDeltasAndEventsInOrderAndReturnsTheSameResult() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "quick", "{\"text\":\"hi\"}"))
        .text("Hel", "lo", "!")
        .build();
    List<AgentEvent> events = new ArrayList<>();
    RunResult result = Agent.builder().client(model).model("m").tools(new Sleepy()).build().runStreaming("Go", events::add);

    assertThat(result.finalText()).isEqualTo("Hello!");
    assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
        "TurnStarted", "ToolCallDelta", "ToolCallDelta", "TurnCompleted", "ToolCallStarted", "ToolCallFinished",
        "TurnStarted", "TextDelta", "TextDelta", "TextDelta", "TurnCompleted", "RunCompleted");
    assertThat(events).filteredOn(AgentEvent.TextDelta.class::isInstance)
        .extracting(e -> ((AgentEvent.TextDelta) e).text()).containsExactly("Hel", "lo", "!");
    assertThat(((AgentEvent.RunCompleted) events.get(events.size() - 1)).result()).isEqualTo(result);
  }

  public static class ThreadReporter {
    final CountDownLatch handedOff = new CountDownLatch(1);

    @Tool("Names the thread it runs on")
    public String where(@Param("Anything") String x) {
      handedOff.countDown();
      return describe(Thread.currentThread());
    }

    @Tool("Holds the run's thread until a call was handed off, then names its thread")
    public String hold(@Param("Anything") String x) throws InterruptedException {
      boolean met = handedOff.await(10, TimeUnit.SECONDS);
      return met ? describe(Thread.currentThread()) : "no hand-off";
    }

    static String describe(Thread thread) {
      return dev.conduit.agent.internal.VirtualThreads.isVirtual(thread) ? "virtual" : thread.getName();
    }
  }

  @Test
  void handedOffToolsRunOnVirtualThreadsWhereTheJvmHasThemAndOnTheBoundedPoolOtherwise() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("c1", "hold", "{\"x\":\"?\"}"), call("c2", "where", "{\"x\":\"?\"}")).text("ok").build();
    RunResult result = Agent.builder().client(model).model("m").tools(new ThreadReporter()).build().run("Where?");
    String where = ((ToolResult) result.messages().get(3)).content();

    if (Runtime.version().feature() >= 21) {
      assertThat(where).isEqualTo("virtual");
    } else {
      assertThat(where).startsWith("conduit-tool-");
    }
  }

  @Test
  void aLoneToolCallRunsOnTheRunsOwnThread() throws Exception {
    ScriptedModel model = ScriptedModel.builder().toolCalls(call("c", "where", "{\"x\":\"?\"}")).text("ok").build();
    Agent agent = Agent.builder().client(model).model("m").tools(new ThreadReporter()).build();
    Thread caller = new Thread(() -> agent.run("Where?"), "the-callers-thread");
    caller.start();
    caller.join(10_000);
    assertThat(((ToolResult) model.requests().get(1).messages().get(2)).content()).isEqualTo("the-callers-thread");
  }

  @Test
  void aLoneToolPastItsTimeoutIsInterruptedAndTheCallersInterruptFlagStaysClear() {
    Sleepy tools = new Sleepy();
    ScriptedModel model = ScriptedModel.builder().toolCalls(call("s", "sleep", "{\"seconds\":20}")).text("done").build();
    RunResult result = Agent.builder().client(model).model("m").tools(tools).toolTimeout(Duration.ofMillis(200))
        .build().run("Go");

    assertThat(result.messages().get(2)).isEqualTo(new ToolResult("s", "sleep", "Tool 'sleep' timed out after 200 ms.", true));
    assertThat(tools.interrupted).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(result.finalText()).isEqualTo("done");
  }

  public static class SelfInterrupting {
    @Tool("Throws InterruptedException on its own")
    public String stop(@Param("Anything") String x) throws InterruptedException {
      throw new InterruptedException("the tool gave up");
    }

    @Tool("Answers at once")
    public String quick(@Param("Text") String text) {
      return text;
    }
  }

  @Test
  void aToolThatThrowsInterruptedExceptionStopsTheRunInsteadOfBecomingAResult() {
    for (List<ToolCall> calls : List.of(
        List.of(call("a", "stop", "{\"x\":\"?\"}"), call("b", "quick", "{\"text\":\"hi\"}")),
        List.of(call("a", "quick", "{\"text\":\"hi\"}"), call("b", "stop", "{\"x\":\"?\"}")))) {
      ScriptedModel model = ScriptedModel.builder().toolCalls(calls.toArray(ToolCall[]::new)).text("never").build();
      Agent agent = Agent.builder().client(model).model("m").tools(new SelfInterrupting()).build();
      assertThatThrownBy(() -> agent.run("Go")).isInstanceOf(RunCancelledException.class);
      assertThat(Thread.interrupted()).as("the interrupt is kept visible").isTrue();
      assertThat(model.requests()).hasSize(1);
    }
  }
}
