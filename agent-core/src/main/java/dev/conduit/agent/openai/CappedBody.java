package dev.conduit.agent.openai;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * A response body that fails with {@link TooLarge} once it passes {@code maxBytes} in total, or
 * {@code maxEventBytes} between two blank lines (one SSE event), so an endless or giant answer cannot
 * exhaust memory. It only counts bytes and line ends; the SSE parsing is okhttp-sse's.
 */
final class CappedBody extends ResponseBody {
  /** The cap that was passed; the message says which and how to raise it. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  private final ResponseBody delegate;
  private final long maxBytes;
  private final long maxEventBytes;
  private @Nullable BufferedSource source;

  CappedBody(ResponseBody delegate, long maxBytes, long maxEventBytes) {
    this.delegate = delegate;
    this.maxBytes = maxBytes;
    this.maxEventBytes = maxEventBytes;
  }

  @Override
  public @Nullable MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public synchronized BufferedSource source() {
    if (source == null) {
      source = Okio.buffer(new Counting(delegate.source()));
    }
    return source;
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Reads the whole body, failing early when its declared length is already over the cap. */
  byte[] readAll() throws IOException {
    if (delegate.contentLength() > maxBytes) {
      throw new TooLarge("the response body has " + delegate.contentLength() + " bytes, more than the cap of "
          + maxBytes + " (OpenAiClient.Builder.maxResponseBytes)");
    }
    return source().readByteArray();
  }

  private final class Counting extends ForwardingSource {
    private long total;
    private long event;
    private long line;
    private boolean lastWasCr;

    Counting(okio.Source delegate) {
      super(delegate);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n <= 0) {
        return n;
      }
      total += n;
      if (total > maxBytes) {
        throw new TooLarge("the response passed the cap of " + maxBytes
            + " bytes (OpenAiClient.Builder.maxResponseBytes)");
      }
      if (maxEventBytes != Long.MAX_VALUE) {
        countEventBytes(sink, sink.size() - n);
      }
      return n;
    }

    /** Scans the bytes just read straight in the buffer's segments: this runs for every byte of a stream. */
    private void countEventBytes(Buffer sink, long from) throws TooLarge {
      try (Buffer.UnsafeCursor cursor = sink.readUnsafe()) {
        for (int length = cursor.seek(from); length != -1; length = cursor.next()) {
          byte[] data = cursor.data;
          for (int i = cursor.start; i < cursor.end; i++) {
            countEventBytes(data[i]);
          }
        }
      }
    }

    private void countEventBytes(byte b) throws TooLarge {
      if (b == '\n' && lastWasCr) {
        lastWasCr = false; // the LF of a CRLF: same line end
        return;
      }
      lastWasCr = b == '\r';
      if (b == '\n' || b == '\r') {
        if (line == 0) {
          event = 0; // a blank line ends an event
        }
        line = 0;
        return;
      }
      line++;
      if (++event > maxEventBytes) {
        throw new TooLarge("one stream event passed the cap of " + maxEventBytes
            + " bytes (OpenAiClient.Builder.maxEventBytes)");
      }
    }
  }
}
