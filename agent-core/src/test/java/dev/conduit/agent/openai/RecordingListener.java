package dev.conduit.agent.openai;

import dev.conduit.agent.model.ModelStreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every callback, in order, with the thread it ran on. */
class RecordingListener implements ModelStreamListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<Thread> threads = new CopyOnWriteArrayList<>();

  @Override
  public void onTextDelta(String delta) {
    record("text:" + delta);
  }

  @Override
  public void onReasoningDelta(String delta) {
    record("reasoning:" + delta);
  }

  @Override
  public void onToolCallStarted(int index, String id, String name) {
    record("start:" + index + ":" + id + ":" + name);
  }

  @Override
  public void onToolCallArgumentsDelta(int index, String delta) {
    record("args:" + index + ":" + delta);
  }

  private void record(String event) {
    events.add(event);
    threads.add(Thread.currentThread());
  }

  String joined(String prefix) {
    StringBuilder sb = new StringBuilder();
    for (String e : events) {
      if (e.startsWith(prefix)) {
        sb.append(e.substring(prefix.length()));
      }
    }
    return sb.toString();
  }

  Map<Integer, String> arguments() {
    Map<Integer, String> args = new TreeMap<>();
    for (String e : events) {
      if (e.startsWith("args:")) {
        String[] p = e.split(":", 3);
        args.merge(Integer.parseInt(p[1]), p[2], String::concat);
      }
    }
    return args;
  }

  List<String> starts() {
    List<String> s = new ArrayList<>();
    for (String e : events) {
      if (e.startsWith("start:")) {
        s.add(e);
      }
    }
    return s;
  }
}
