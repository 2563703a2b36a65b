package io.github.m365kit.ldap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on 127.0.0.1 that delivers every chunk it reads a fixed one-way delay later, in order, in both
 * directions, without limiting bandwidth: a loopback stand-in for the network between an admin's machine and a domain
 * controller. A synchronous client pays the round trip once per operation; a client with several operations in flight
 * pays it once per batch of them, which is the effect the LDAP bulk benchmark measures.
 */
final class LatencyProxy implements AutoCloseable {
  private static final byte[] EOF = new byte[0];

  private final ServerSocket server;
  private final long oneWayNanos;
  private final int upstreamPort;

  LatencyProxy(int upstreamPort, long oneWayMicros) {
    this.upstreamPort = upstreamPort;
    this.oneWayNanos = oneWayMicros * 1_000L;
    try {
      this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon("latency-proxy-accept", this::acceptLoop).start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        relay(client, upstream);
        relay(upstream, client);
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("latency proxy: " + e);
        }
      }
    }
  }

  /** One direction: a reader stamps each chunk with its due time, a writer delivers it then. */
  private void relay(Socket from, Socket to) {
    LinkedBlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
    daemon("latency-proxy-read", () -> {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = from.getInputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          queue.add(new Object[] {System.nanoTime() + oneWayNanos, Arrays.copyOf(buf, n)});
        }
      } catch (IOException e) {
        // the peer closed: pass the end on
      }
      queue.add(new Object[] {System.nanoTime() + oneWayNanos, EOF});
    }).start();
    daemon("latency-proxy-write", () -> {
      try (OutputStream out = to.getOutputStream()) {
        while (true) {
          Object[] item = queue.take();
          long due = (long) item[0];
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          byte[] chunk = (byte[]) item[1];
          if (chunk == EOF) {
            to.shutdownOutput();
            return;
          }
          out.write(chunk);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the other side went away
      }
    }).start();
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
