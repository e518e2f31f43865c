package dev.conduit.agent.guice;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import java.util.function.UnaryOperator;

/** What the module was told about the agent, handed to its provider. */
record AgentSpec(String model, UnaryOperator<AgentBuilder> customizer) {}
