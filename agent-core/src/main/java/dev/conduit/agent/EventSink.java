package dev.conduit.agent;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers one run's events to its listeners, one at a time, shielding the run from listener bugs. */
final class EventSink {
  private static final Logger log = LoggerFactory.getLogger(EventSink.class);
  static final EventSink NONE = new EventSink(List.of());

  private final List<AgentListener> listeners;

  EventSink(List<AgentListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void emit(AgentEvent event) {
    if (listeners.isEmpty()) {
      return; // NONE is shared by every run without listeners: taking its lock would serialize them all
    }
    // Tool events come from tool threads: the lock keeps each listener's view sequential.
    synchronized (this) {
      for (AgentListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          log.warn("AgentListener {} threw on {}; ignored", listener.getClass().getName(),
              event.getClass().getSimpleName(), e);
        }
      }
    }
  }
}
