package dev.conduit.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** The per-event cap counts the bytes between blank lines however the body is split into reads. */
class CappedBodyTest {
  private static final int CAP = 1024;

  @Test
  void eventsJustUnderTheCapPassInReadsOfAnySize() throws IOException {
    String body = events(50, CAP, "\r\n");
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(readThrough(body, CAP, seed)).isEqualTo(body);
    }
  }

  @Test
  void oneEventOverTheCapFailsInReadsOfAnySize() {
    String body = events(3, CAP, "\n") + "data: " + "x".repeat(CAP) + "\n\n";
    for (long seed = 1; seed <= 20; seed++) {
      long s = seed;
      assertThatThrownBy(() -> readThrough(body, CAP, s)).isInstanceOf(CappedBody.TooLarge.class)
          .hasMessageContaining("maxEventBytes");
    }
  }

  @Test
  void aPlainBodyHasNoEventCapOnlyTheTotalOne() throws IOException {
    String oneLongLine = "x".repeat(10 * CAP);
    assertThat(readThrough(oneLongLine, Long.MAX_VALUE, 7)).isEqualTo(oneLongLine);
  }

  /** {@code count} events whose non-line-end bytes add up to exactly {@code cap}. */
  private static String events(int count, int cap, String lineEnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String first = "data: " + "a".repeat(cap / 2 - 6);
      String second = "data: " + "b".repeat(cap - first.length() - 6);
      sb.append(first).append(lineEnd).append(second).append(lineEnd).append(lineEnd);
    }
    return sb.toString();
  }

  private static String readThrough(String body, long maxEventBytes, long seed) throws IOException {
    ResponseBody raw = ResponseBody.create(Okio.buffer(new RandomReads(body, seed)), (MediaType) null, -1);
    try (CappedBody capped = new CappedBody(raw, Long.MAX_VALUE, maxEventBytes)) {
      return capped.source().readUtf8();
    }
  }

  /** Hands out the body in reads of 1 to 97 bytes. */
  private static final class RandomReads implements Source {
    private final Buffer remaining = new Buffer();
    private final Random random;

    RandomReads(String body, long seed) {
      remaining.write(body.getBytes(StandardCharsets.UTF_8));
      random = new Random(seed);
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (remaining.size() == 0) {
        return -1;
      }
      long n = Math.min(Math.min(byteCount, remaining.size()), 1 + random.nextInt(97));
      sink.write(remaining, n);
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }
}
