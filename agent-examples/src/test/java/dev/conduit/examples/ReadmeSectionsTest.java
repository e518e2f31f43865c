package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md shows exactly the code that ReadmeSnippetsTest compiles and runs. */
class ReadmeSectionsTest {
  private static final Pattern REGION = Pattern.compile("(?ms)^[ \\t]*// README: ([\\w-]+)\\n(.*?)^[ \\t]*// README end\\n");
  private static final Pattern BLOCK = Pattern.compile("(?s)<!-- snippet: ([\\w-]+) -->\\n```java\\n(.*?)\\n```");

  @Test
  void everySnippetInTheReadmeIsTheCodeTheTestRuns() throws IOException {
    Map<String, String> compiled = regions(Files.readString(Path.of("src/test/java/dev/conduit/examples/ReadmeSnippetsTest.java")));
    Map<String, String> shown = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(Path.of("../README.md")));
    while (m.find()) {
      shown.put(m.group(1), m.group(2));
    }

    assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(compiled.keySet());
    compiled.forEach((name, code) -> assertThat(shown.get(name)).as("snippet %s", name).isEqualTo(code));
  }

  private static Map<String, String> regions(String source) {
    Map<String, String> regions = new LinkedHashMap<>();
    Matcher m = REGION.matcher(source);
    while (m.find()) {
      regions.put(m.group(1), dedent(m.group(2)));
    }
    return regions;
  }

  private static String dedent(String code) {
    List<String> lines = code.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }

  @Test
  void theReadmesFirstCommandIsTheOneTheEndToEndTestsRun() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String script = Files.readString(Path.of("../conduit"));

    assertThat(readme).contains("./conduit weather \"" + WeatherCommandTest.QUESTION + "\"");
    assertThat(Files.isExecutable(Path.of("../conduit"))).isTrue();
    assertThat(script).contains("mvn -B -q -DskipTests package -pl agent-examples -am")
        .contains("exec java -jar \"$jar\" \"$@\"");
  }
}
