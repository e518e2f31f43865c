package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.tool.noparams.LegacyTools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolDefinitionProblemsTest {
  private static void assertProblems(String golden, Object... targets) {
    ToolDefinitionException e = assertThrows(ToolDefinitionException.class, () -> Toolbox.of(targets));
    assertThat(e).hasMessage(Golden.check("problems/" + golden, e.getMessage())).hasNoCause();
  }

  public static class WeatherTools {
    @Tool("Forecast for a city")
    public String forecast(String city) {
      return city;
    }
  }

  public static class OtherWeatherTools {
    @Tool("Forecast, another one")
    public String forecast(String city, int days) {
      return city + days;
    }
  }

  public static class BadNames {
    @Tool(name = "get weather", value = "Weather")
    public String weather(String city) {
      return city;
    }

    @Tool("A name longer than 64 characters")
    public void thisMethodNameIsFarTooLongToBeAToolNameBecauseOpenAiAllowsSixtyFourCharacters() {}
  }

  public static class NoDescriptions {
    @Tool("")
    public void empty() {}

    @Tool("   ")
    public void blank() {}
  }

  public static class NonPublic {
    @Tool("Hidden")
    String hidden(String city) {
      return city;
    }

    @Tool("Private")
    private String secret() {
      return "";
    }
  }

  record Query(String text, Object extra, Map<String, ?> options) {}

  public static class UnsupportedTypes {
    @Tool("Object")
    public void object(Object value) {}

    @Tool("Wildcard")
    public void wildcard(List<?> values) {}

    @Tool("Raw")
    @SuppressWarnings("rawtypes")
    public void raw(List values) {}

    @Tool("Bounded wildcard")
    public void bounded(Map<String, ? extends Number> values) {}

    @Tool("Type variable")
    public <T> void variable(T value) {}

    @Tool("Nested Object")
    public void nested(Query query) {}
  }

  public static class OptionalPrimitive {
    @Tool("Forecast")
    public String forecast(String city, @Param(value = "Days", required = false) int days) {
      return city + days;
    }
  }

  public static class SameParameterNames {
    @Tool("Forecast")
    public String forecast(@Param(name = "city") String a, @Param(name = "city") String b) {
      return a + b;
    }
  }

  public static class NoTools {
    public String notATool() {
      return "";
    }
  }

  public static class MixedStaticAndInstance {
    @Tool("Static")
    public static String shout(String text) {
      return text.toUpperCase(java.util.Locale.ROOT);
    }

    @Tool("Instance")
    public String whisper(String text) {
      return text.toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static class StaticOnly {
    @Tool("Repeat a text")
    public static String repeat(String text, int times) {
      return text.repeat(times);
    }
  }

  @Test
  void parametersWithoutNamesNameTheFix() {
    assertProblems("missing_parameter_names.txt", new LegacyTools());
  }

  @Test
  void parameterNamedWithParamNeedsNoParametersFlag() {
    ToolDefinitionException e = assertThrows(ToolDefinitionException.class, () -> Toolbox.of(new LegacyTools()));

    // LegacyTools.weather names its parameter with @Param(name = "city"), so only forecast is reported.
    assertThat(e.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("of forecast(String, int) has no name"));
  }

  @Test
  void twoToolsWithOneNameAreRejected() {
    assertProblems("duplicate_tool_names.txt", new WeatherTools(), new OtherWeatherTools());
  }

  @Test
  void functionToolWithTheNameOfAMethodIsRejected() {
    record Args(String city) {}
    assertProblems("duplicate_tool_names_three.txt", new WeatherTools(), new OtherWeatherTools(),
        FunctionTool.of("forecast", "Forecast", Args.class, a -> a.city()));
  }

  @Test
  void combiningToolboxesWithOneNameIsRejected() {
    Toolbox first = Toolbox.of(new WeatherTools());
    Toolbox second = Toolbox.of(new OtherWeatherTools());

    ToolDefinitionException e = assertThrows(ToolDefinitionException.class, () -> first.plus(second));
    assertThat(e).hasMessage(Golden.check("problems/duplicate_tool_names.txt", e.getMessage()));
    assertThatThrownBy(() -> Toolbox.of(first, second)).hasMessage(e.getMessage());
  }

  @Test
  void toolNamesOutsideTheAllowedPatternAreRejected() {
    assertProblems("invalid_names.txt", new BadNames());
  }

  @Test
  void toolsWithoutDescriptionAreRejected() {
    assertProblems("missing_descriptions.txt", new NoDescriptions());
  }

  @Test
  void nonPublicMethodsAreRejected() {
    assertProblems("non_public_methods.txt", new NonPublic());
  }

  @Test
  void typesWithoutSchemaAreRejected() {
    assertProblems("unsupported_types.txt", new UnsupportedTypes());
  }

  @Test
  void optionalPrimitiveParametersAreRejected() {
    assertProblems("optional_primitive.txt", new OptionalPrimitive());
  }

  @Test
  void twoParametersWithOneNameAreRejected() {
    assertProblems("duplicate_parameter_names.txt", new SameParameterNames());
  }

  @Test
  void objectsWithoutToolsAreRejected() {
    assertProblems("no_tools.txt", new NoTools());
  }

  @Test
  void classGivenForInstanceMethodsIsRejected() {
    assertProblems("instance_method_of_class.txt", MixedStaticAndInstance.class);
  }

  @Test
  void classGivenForInstanceMethodsIsRejectedEvenAfterAnInstanceOfItWasAccepted() {
    Toolbox.of(new MixedStaticAndInstance()); // leaves the class's parsed tools behind, for reuse

    assertProblems("instance_method_of_class.txt", MixedStaticAndInstance.class);
  }

  @Test
  void classWithStaticToolsNeedsNoInstance() throws InterruptedException {
    Toolbox toolbox = Toolbox.of(StaticOnly.class);

    assertThat(toolbox.execute(new ToolCall("c", "repeat", "{\"text\": \"ab\", \"times\": 3}")).result().content())
        .isEqualTo("ababab");
  }

  @Test
  void functionToolProblemsAreReportedWithTheOthers() {
    record Loose(Object anything) {}
    assertProblems("function_tools.txt",
        FunctionTool.of("look up", "", String.class, s -> s),
        FunctionTool.of("loose", "Loose arguments", Loose.class, l -> l),
        FunctionTool.of("text", "Text arguments", String.class, s -> s));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ToolDefinitionException e = assertThrows(ToolDefinitionException.class,
        () -> Toolbox.of(new LegacyTools(), new WeatherTools(), new OtherWeatherTools(), new NonPublic(), new NoTools()));

    assertThat(e).hasMessage(Golden.check("problems/all_at_once.txt", e.getMessage()));
    assertThat(e.problems()).hasSize(6);
  }
}
