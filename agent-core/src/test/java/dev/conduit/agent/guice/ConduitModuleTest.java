package dev.conduit.agent.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.testing.ScriptedModel;
import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConduitModuleTest {
  public static class Clock {
    @Tool("The time")
    public String now(@Param("Zone") String zone) {
      return "noon in " + zone;
    }
  }

  public static class Duplicate {
    @Tool("Also the time")
    public String now(@Param("Zone") String zone) {
      return "midnight";
    }
  }

  @Test
  void injectorProvidesOneSharedAgentWithTheBoundToolsAndListeners() {
    ScriptedModel model = ScriptedModel.builder()
        .toolCalls(new ToolCall("c1", "now", "{\"zone\":\"UTC\"}"))
        .text("It is noon.")
        .build();
    List<AgentEvent> events = new CopyOnWriteArrayList<>();
    Injector injector = Guice.createInjector(
        ConduitModule.builder().client(model).model("gpt-5.1").configure(b -> b.instructions("Tell the time.")).build(),
        new AbstractModule() {
          @Override
          protected void configure() {
            ConduitModule.tools(binder()).addBinding().to(Clock.class);
            ConduitModule.listeners(binder()).addBinding().toInstance(events::add);
          }
        });

    Agent agent = injector.getInstance(Agent.class);
    assertThat(injector.getInstance(Agent.class)).isSameAs(agent);
    assertThat(agent.run("Time?").finalText()).isEqualTo("It is noon.");
    assertThat(model.requests().get(1).messages().get(0).toString()).contains("Tell the time.");
    assertThat(events).filteredOn(AgentEvent.ToolCallFinished.class::isInstance).hasSize(1);
  }

  @Test
  void aBadToolFailsAtInjectorCreationWithConduitsMessage() {
    assertThatThrownBy(() -> Guice.createInjector(
        ConduitModule.builder().client(ScriptedModel.builder().build()).model("gpt-5.1").build(),
        new AbstractModule() {
          @Override
          protected void configure() {
            ConduitModule.tools(binder()).addBinding().to(Clock.class);
            ConduitModule.tools(binder()).addBinding().to(Duplicate.class);
          }
        }))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("Two tools are named \"now\".");
  }

  @Test
  void anAgentWithoutToolsIsValid() {
    Injector injector = Guice.createInjector(
        ConduitModule.builder().client(ScriptedModel.builder().text("hi").build()).model("m").build());
    assertThat(injector.getInstance(Agent.class).run("hello").finalText()).isEqualTo("hi");
  }

  @Test
  void theClientCanComeFromEnvironmentVariables() {
    Injector injector = Guice.createInjector(ConduitModule.builder()
        .openAiFromEnvironment(java.util.Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1",
            "CONDUIT_ENDPOINT", "chat"))
        .model("gpt-5.1").build());
    assertThat(injector.getInstance(dev.conduit.agent.model.ModelClient.class).toString())
        .contains("http://127.0.0.1:9/v1").contains("CHAT_COMPLETIONS").doesNotContain("sk-env");
  }

  @Test
  void aMissingKeyInTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> ConduitModule.builder().openAiFromEnvironment(java.util.Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("OPENAI_API_KEY is not set");
  }
}
