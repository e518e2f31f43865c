package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.internal.JsonSchemas;
import dev.conduit.agent.tool.Fixtures.NonStrictTools;
import dev.conduit.agent.tool.Fixtures.StrictTools;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToolSchemaTest {
  private static final Toolbox STRICT = Toolbox.of(new StrictTools());
  private static final Toolbox NON_STRICT = Toolbox.of(new NonStrictTools());

  static Stream<Arguments> tools() {
    return Fixtures.TOOL_NAMES.stream().flatMap(name -> Stream.of(
        Arguments.of("strict", name), Arguments.of("non-strict", name)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tools")
  void toolDefinitionMatchesItsGoldenSchema(String mode, String name) {
    ToolDefinition definition = (mode.equals("strict") ? STRICT : NON_STRICT).definition(name).orElseThrow();

    String actual = OpenAiSpec.functionObject(definition).toPrettyString();

    assertThat(actual).isEqualTo(Golden.check("schema/" + mode + "/" + name + ".json", actual));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tools")
  void toolDefinitionIsAValidOpenAiFunctionObject(String mode, String name) {
    ToolDefinition definition = (mode.equals("strict") ? STRICT : NON_STRICT).definition(name).orElseThrow();

    assertThat(OpenAiSpec.functionObjectViolations(OpenAiSpec.functionObject(definition))).isEmpty();
  }

  @Test
  void everyStrictToolMeetsStrictModeRulesExceptTheOneWithMaps() {
    for (ToolDefinition definition : STRICT.definitions()) {
      List<String> violations = JsonSchemas.strictModeViolations(dev.conduit.agent.internal.Json.MAPPER.readTree(definition.parametersJson()));
      if (definition.name().equals("maps")) {
        assertThat(definition.strict()).isFalse();
      } else {
        assertThat(violations).as(definition.name()).isEmpty();
        assertThat(definition.strict()).as(definition.name()).isTrue();
      }
    }
  }

  @Test
  void toolWithMapParameterFallsBackToNonStrict() {
    ToolDefinition maps = STRICT.definition("maps").orElseThrow();

    assertThat(maps.strict()).isFalse();
    assertThat(maps.parametersJson()).isEqualTo(NON_STRICT.definition("maps").orElseThrow().parametersJson());
  }

  @Test
  void nonStrictToolsAreNeverStrict() {
    assertThat(NON_STRICT.definitions()).allSatisfy(d -> assertThat(d.strict()).isFalse());
  }

  @Test
  void definitionsFollowMethodNamesWithinAClass() {
    assertThat(STRICT.names()).containsExactlyElementsOf(Fixtures.TOOL_NAMES.stream().sorted().toList());
  }
}
