package dev.conduit.agent.bench;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Notes when the first byte of a response reaches the client's socket: the first read after a
 * write. Both streaming clients use it, so "first SSE byte to first text event" is measured the same
 * way for each. One clock for the process: meaningful only while one call is in flight.
 */
final class FirstByteClock {
  private static volatile long lastResponseStart;

  private FirstByteClock() {}

  static long lastResponseStart() {
    return lastResponseStart;
  }

  static SocketFactory socketFactory() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new MarkingSocket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
      }

      @Override
      public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
      }

      private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new MarkingSocket();
        socket.connect(address);
        return socket;
      }
    };
  }

  private static final class MarkingSocket extends Socket {
    private volatile boolean armed;
    private InputStream in;
    private OutputStream out;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new FilterInputStream(super.getInputStream()) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && armed) {
              armed = false;
              lastResponseStart = System.nanoTime();
            }
            return n;
          }
        };
      }
      return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new FilterOutputStream(super.getOutputStream()) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            armed = true;
            out().write(b, off, len);
          }

          @Override
          public void write(int b) throws IOException {
            armed = true;
            out().write(b);
          }

          private OutputStream out() {
            return this.out;
          }
        };
      }
      return out;
    }
  }
}
