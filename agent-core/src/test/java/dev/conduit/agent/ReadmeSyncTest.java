package dev.conduit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's example is the code ReadmeExampleTest compiles and runs. */
class ReadmeSyncTest {
  private static final String START = "README example starts";
  private static final String END = "README example ends";

  @Test
  void readmeExampleIsTheTestedCode() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String test = Files.readString(Path.of("src/test/java/dev/conduit/agent/ReadmeExampleTest.java"));

    assertThat(normalize(between(readme, START, END).replace("```java", "").replace("```", "")))
        .isEqualTo(normalize(between(test, START, END)));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf('\n', text.indexOf(start)) + 1;
    int to = text.lastIndexOf('\n', text.indexOf(end));
    return text.substring(from, to);
  }

  private static String normalize(String code) {
    return Arrays.stream(code.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }
}
