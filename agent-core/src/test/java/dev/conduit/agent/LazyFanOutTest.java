package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.internal.VirtualThreads;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.testing.ScriptedModel;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lazy fan-out: the run's thread runs a turn's calls itself, and the calls it has not reached
 * when the grace passes go to the executor, all at once.
 */
@Timeout(30)
class LazyFanOutTest {
  private static final String NO_ARGS = "{\"x\":\"?\"}";

  /** Tools that record where they ran and wait for one another through latches. */
  public static class Probe {
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final AtomicReference<Thread> waiter = new AtomicReference<>();
    final AtomicInteger quickRuns = new AtomicInteger();
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch othersStarted;
    final CountDownLatch everyoneHere;

    Probe(int calls) {
      othersStarted = new CountDownLatch(calls - 1);
      everyoneHere = new CountDownLatch(calls);
    }

    @Tool("Answers at once")
    public String quick(@Param("Text") String text) {
      threads.add(Thread.currentThread());
      quickRuns.incrementAndGet();
      othersStarted.countDown();
      return text;
    }

    @Tool("Waits until every other call of the turn has started")
    public String waitForOthers(@Param("Anything") String x) throws InterruptedException {
      waiter.set(Thread.currentThread());
      return othersStarted.await(10, TimeUnit.SECONDS) ? "saw the others start" : "waited alone";
    }

    @Tool("Waits until all calls of the turn are running at once")
    public String meet(@Param("Anything") String x) throws InterruptedException {
      everyoneHere.countDown();
      return everyoneHere.await(10, TimeUnit.SECONDS) ? "met" : "waited alone";
    }

    @Tool("Sleeps a long time")
    public String sleep(@Param("Seconds") int seconds) throws InterruptedException {
      threads.add(Thread.currentThread());
      slowStarted.countDown();
      Thread.sleep(seconds * 1000L);
      return "slept";
    }
  }

  private static ToolCall call(String id, String name, String args) {
    return new ToolCall(id, name, args);
  }

  private static List<String> toolResults(List<dev.conduit.agent.message.Message> messages) {
    return messages.stream().filter(ToolResult.class::isInstance).map(m -> ((ToolResult) m).content()).toList();
  }

  @Test
  void toolsThatEachWaitForAllTheOthersStillAllCompleteAndEachIsStartedOnce() {
    int n = 16;
    Probe probe = new Probe(n);
    ToolCall[] calls = new ToolCall[n];
    for (int i = 0; i < n; i++) {
      calls[i] = call("c" + i, "meet", NO_ARGS);
    }
    ScriptedModel model = ScriptedModel.builder().toolCalls(calls).text("done").build();
    List<AgentEvent> events = Collections.synchronizedList(new ArrayList<>());
    RunResult result = Agent.builder().client(model).model("m").tools(probe).listener(events::add).build().run("Meet");

    assertThat(toolResults(result.messages())).hasSize(n).containsOnly("met");
    Map<String, Long> starts = events.stream().filter(AgentEvent.ToolCallStarted.class::isInstance)
        .collect(Collectors.groupingBy(e -> ((AgentEvent.ToolCallStarted) e).call().id(), Collectors.counting()));
    assertThat(starts).hasSize(n).allSatisfy((id, count) -> assertThat(count).isOne());
  }

  @Test
  void callsThatFinishWithinTheGraceAllRunOnTheRunsThreadInCallOrder() throws Exception {
    Probe probe = new Probe(3);
    Executor unused = task -> {
      throw new AssertionError("nothing is handed off within the grace");
    };
    ToolDispatcher dispatcher = new ToolDispatcher(Toolbox.of(probe), unused, Duration.ofSeconds(30), 64,
        TimeUnit.HOURS.toNanos(1));

    List<ToolResult> results = dispatcher.runAll(1, List.of(call("a", "quick", "{\"text\":\"1\"}"),
        call("b", "quick", "{\"text\":\"2\"}"), call("c", "quick", "{\"text\":\"3\"}")), EventSink.NONE);

    assertThat(results).extracting(ToolResult::content).containsExactly("1", "2", "3");
    assertThat(probe.threads).containsOnly(Thread.currentThread()).hasSize(3);
  }

  @Test
  void aSlowFirstToolDoesNotHoldBackTheStartOfTheOthers() {
    Probe probe = new Probe(4);
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("w", "waitForOthers", NO_ARGS), call("a", "quick", "{\"text\":\"a\"}"),
            call("b", "quick", "{\"text\":\"b\"}"), call("c", "quick", "{\"text\":\"c\"}"))
        .text("done").build();
    RunResult result = Agent.builder().client(model).model("m").tools(probe).build().run("Go");

    assertThat(toolResults(result.messages())).containsExactly("saw the others start", "a", "b", "c");
    assertThat(probe.waiter).as("the first call runs on the run's thread").hasValue(Thread.currentThread());
    assertThat(probe.threads).hasSize(3).doesNotContain(Thread.currentThread());
  }

  @Test
  void aDirectExecutorRunsHandedOffCallsOnTheFanOutThreadNeverOnTheWatchdog() {
    Probe probe = new Probe(2);
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("w", "waitForOthers", NO_ARGS), call("a", "quick", "{\"text\":\"a\"}")).text("done").build();
    RunResult result = Agent.builder().client(model).model("m").tools(probe).executor(Runnable::run).build().run("Go");

    assertThat(toolResults(result.messages())).containsExactly("saw the others start", "a");
    assertThat(probe.waiter).hasValue(Thread.currentThread());
    Thread handedOff = probe.threads.get(0);
    assertThat(handedOff.getName()).doesNotStartWith("conduit-watchdog");
    assertThat(handedOff).isNotEqualTo(Thread.currentThread());
    if (VirtualThreads.available()) {
      assertThat(VirtualThreads.isVirtual(handedOff)).isTrue();
    } else {
      assertThat(handedOff.getName()).startsWith("conduit-fan-out-");
    }
  }

  @Test
  void anInlineCallPastItsTimeoutGetsTheTimeoutResultAndTheRunGoesOn() {
    Probe probe = new Probe(3);
    Executor dropsEverything = task -> { }; // only the run's thread can run the other calls
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("s", "sleep", "{\"seconds\":20}"), call("a", "quick", "{\"text\":\"a\"}"),
            call("b", "quick", "{\"text\":\"b\"}"))
        .text("done").build();
    List<AgentEvent> events = Collections.synchronizedList(new ArrayList<>());
    RunResult result = Agent.builder().client(model).model("m").tools(probe).executor(dropsEverything)
        .toolTimeout(Duration.ofMillis(200)).listener(events::add).build().run("Go");

    assertThat(toolResults(result.messages())).containsExactly("Tool 'sleep' timed out after 200 ms.", "a", "b");
    assertThat(result.finalText()).isEqualTo("done");
    assertThat(probe.threads).containsOnly(Thread.currentThread());
    assertThat(Thread.currentThread().isInterrupted()).as("the timeout's interrupt does not leak").isFalse();
    assertThat(events).filteredOn(AgentEvent.ToolCallFailed.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((AgentEvent.ToolCallFailed) e).error()).get()
            .isInstanceOf(java.util.concurrent.TimeoutException.class));
  }

  @Test
  void interruptingTheRunDuringAnInlineCallCancelsTheCallsNotYetTaken() throws Exception {
    Probe probe = new Probe(3);
    List<Runnable> handedOff = new CopyOnWriteArrayList<>();
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("s", "sleep", "{\"seconds\":20}"), call("a", "quick", "{\"text\":\"a\"}"),
            call("b", "quick", "{\"text\":\"b\"}"))
        .text("never").build();
    List<AgentEvent> events = Collections.synchronizedList(new ArrayList<>());
    Agent agent = Agent.builder().client(model).model("m").tools(probe).executor(handedOff::add)
        .listener(events::add).build();
    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        agent.run("Go");
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    }, "the-callers-thread");
    caller.start();
    assertThat(probe.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);
    handedOff.forEach(Runnable::run); // an executor that runs them late finds them cancelled

    assertThat(thrown.get()).isInstanceOfSatisfying(RunCancelledException.class, e ->
        assertThat(toolResults(e.messages())).containsExactly("Error: tool 'sleep' was cancelled.",
            "Error: tool 'quick' was cancelled.", "Error: tool 'quick' was cancelled."));
    assertThat(probe.quickRuns).hasValue(0);
    assertThat(events).filteredOn(AgentEvent.ToolCallStarted.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((AgentEvent.ToolCallStarted) e).call().id()).isEqualTo("s"));
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void aCallTheExecutorRejectsIsReportedCancelledWithTheRejection() {
    Probe probe = new Probe(3);
    CountDownLatch fannedOut = new CountDownLatch(1);
    AtomicInteger handOffs = new AtomicInteger();
    Executor fullOnce = task -> {
      if (handOffs.incrementAndGet() == 1) {
        throw new RejectedExecutionException("queue full");
      }
      fannedOut.countDown(); // accepted but never run: the run's thread takes the call itself
    };
    Map<String, Throwable> failures = new ConcurrentHashMap<>();
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("h", "hold", NO_ARGS), call("a", "quick", "{\"text\":\"a\"}"), call("b", "quick", "{\"text\":\"b\"}"))
        .text("done").build();
    RunResult result = Agent.builder().client(model).model("m").tools(probe, new Holder(fannedOut)).executor(fullOnce)
        .listener(e -> {
          if (e instanceof AgentEvent.ToolCallFailed f) {
            f.error().ifPresent(t -> failures.put(f.call().id(), t));
          }
        }).build().run("Go");

    assertThat(toolResults(result.messages()))
        .containsExactly("held until the fan-out", "Error: tool 'quick' was cancelled.", "b");
    assertThat(failures).containsOnlyKeys("a");
    assertThat(failures.get("a")).isInstanceOf(RejectedExecutionException.class).hasMessage("queue full");
    assertThat(probe.quickRuns).hasValue(1);
  }

  /** Keeps the run's thread busy until the fan-out reached the executor. */
  public static class Holder {
    final CountDownLatch fannedOut;

    Holder(CountDownLatch fannedOut) {
      this.fannedOut = fannedOut;
    }

    @Tool("Holds the run's thread until the others were handed off")
    public String hold(@Param("Anything") String x) throws InterruptedException {
      return fannedOut.await(10, TimeUnit.SECONDS) ? "held until the fan-out" : "no fan-out";
    }
  }

  @Test
  void aToolThatThrowsAnErrorOnTheRunsThreadStopsTheRunBeforeTheRestStart() {
    Probe probe = new Probe(2);
    List<Runnable> handedOff = new CopyOnWriteArrayList<>();
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(call("f", "fatal", NO_ARGS), call("a", "quick", "{\"text\":\"a\"}")).text("never").build();
    Agent agent = Agent.builder().client(model).model("m").tools(probe, new Fatal()).executor(handedOff::add).build();

    assertThatThrownBy(() -> agent.run("Go")).isInstanceOf(StackOverflowError.class).hasMessage("simulated");
    handedOff.forEach(Runnable::run);
    assertThat(probe.quickRuns).hasValue(0);
    assertThat(model.requests()).hasSize(1);
  }

  public static class Fatal {
    @Tool("Fails as a runaway recursion would")
    public String fatal(@Param("Anything") String x) {
      throw new StackOverflowError("simulated");
    }
  }
}
