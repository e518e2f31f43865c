package dev.conduit.agent.guice;

import dev.conduit.agent.Agent;
import java.util.function.UnaryOperator;

/** What the module was told about the agent, handed to its provider. */
record AgentSpec(String model, UnaryOperator<Agent.Builder> customizer) {}
