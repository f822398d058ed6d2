package org.nocturne;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile FHIR server: it answers every request with 200 and a JSON body that never ends, sent as
 * fast as the client reads it. It counts the bytes it got out and the connections the client
 * dropped, so a test can prove that the client stopped reading.
 */
public final class StreamingForeverServer implements AutoCloseable {
  private static final byte[] CHUNK = chunk();

  private final ServerSocket socket;
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Thread acceptor;

  public StreamingForeverServer() throws IOException {
    socket = new ServerSocket(0);
    acceptor = new Thread(this::accept, "streaming-forever");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/fhir";
  }

  public long bytesSent() {
    return bytesSent.get();
  }

  /** Connections the client closed while the body was still being sent. */
  public int dropped() {
    return dropped.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread writer = new Thread(() -> stream(client), "streaming-forever-client");
        writer.setDaemon(true);
        writer.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void stream(Socket client) {
    try (client) {
      client.getInputStream().read(new byte[8192]); // the request line and headers
      OutputStream out = client.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(frame("{\"resourceType\":\"Bundle\",\"entry\":["));
      while (!socket.isClosed()) {
        out.write(CHUNK);
        bytesSent.addAndGet(CHUNK.length);
      }
    } catch (IOException e) {
      dropped.incrementAndGet();
    }
  }

  private static byte[] chunk() {
    return frame("{\"resource\":{\"resourceType\":\"Condition\"}},".repeat(200));
  }

  private static byte[] frame(String data) {
    byte[] body = data.getBytes(StandardCharsets.US_ASCII);
    byte[] head = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[head.length + body.length + 2];
    System.arraycopy(head, 0, framed, 0, head.length);
    System.arraycopy(body, 0, framed, head.length, body.length);
    framed[framed.length - 2] = '\r';
    framed[framed.length - 1] = '\n';
    return framed;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
