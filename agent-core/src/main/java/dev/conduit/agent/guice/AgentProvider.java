package dev.conduit.agent.guice;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.AgentListener;
import dev.conduit.agent.model.ModelClient;
import java.util.Set;

/** Builds the shared agent from the bound client, tools and listeners. */
final class AgentProvider implements Provider<Agent> {
  private final ModelClient client;
  private final Set<Object> tools;
  private final Set<AgentListener> listeners;
  private final AgentSpec spec;

  @Inject
  AgentProvider(ModelClient client, @ConduitTools Set<Object> tools, @ConduitTools Set<AgentListener> listeners, AgentSpec spec) {
    this.client = client;
    this.tools = tools;
    this.listeners = listeners;
    this.spec = spec;
  }

  @Override
  public Agent get() {
    AgentBuilder builder = Agent.builder().client(client).model(spec.model()).tools(tools.toArray());
    listeners.forEach(builder::listener);
    return spec.customizer().apply(builder).build();
  }
}
