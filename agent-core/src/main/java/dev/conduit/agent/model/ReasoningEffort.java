package dev.conduit.agent.model;

/** How hard a reasoning model thinks before answering ({@code reasoning_effort} / {@code reasoning.effort}). */
public enum ReasoningEffort {
  NONE("none"),
  MINIMAL("minimal"),
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String wireValue;

  ReasoningEffort(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }
}
