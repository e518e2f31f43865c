package dev.conduit.agent.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected texts kept under {@code src/test/resources/golden/tool/}. Run the tests with
 * {@code -Dconduit.golden.update=true} to rewrite them from the actual output, then review the diff.
 */
final class Golden {
  private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden", "tool");

  private Golden() {}

  /** The golden text named {@code name}, without a final line break; rewritten first in update mode. */
  static String check(String name, String actual) {
    Path file = DIRECTORY.resolve(name);
    try {
      if (Boolean.getBoolean("conduit.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
      }
      if (!Files.exists(file)) {
        throw new AssertionError("Missing golden file " + file.toAbsolutePath()
            + "; run the test with -Dconduit.golden.update=true to create it, then review it");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      return expected.endsWith("\n") ? expected.substring(0, expected.length() - 1) : expected;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
