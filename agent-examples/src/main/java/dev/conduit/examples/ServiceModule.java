package dev.conduit.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import dev.conduit.agent.guice.ConduitModule;
import dev.conduit.tools.calc.CalculatorTools;
import dev.conduit.tools.time.ClockTools;
import dev.conduit.tools.weather.WeatherTools;

/** The service's tools, bound the Guice way; {@link ConduitModule} turns them and the model into an Agent. */
final class ServiceModule extends AbstractModule {
  static final String INSTRUCTIONS = WeatherCommand.INSTRUCTIONS + " Use the calculator for arithmetic.";

  private final WeatherTools weather;

  ServiceModule(WeatherTools weather) {
    this.weather = weather;
  }

  @Override
  protected void configure() {
    Multibinder<Object> tools = ConduitModule.tools(binder());
    tools.addBinding().toInstance(weather); // configured from the environment, so bound as an instance
    tools.addBinding().to(ClockTools.class);
    tools.addBinding().to(CalculatorTools.class);
  }

  /** The injector behind {@code serve}: the shared Agent and the {@link AskServer} that uses it. */
  static Injector injector(ModelSetup setup, WeatherTools weather) {
    return Guice.createInjector(
        ConduitModule.builder()
            .client(setup.client())
            .model(setup.model())
            .configure(agent -> agent.instructions(INSTRUCTIONS).pricing(setup.pricing()).maxTurns(setup.maxTurns()))
            .build(),
        new ServiceModule(weather));
  }
}
