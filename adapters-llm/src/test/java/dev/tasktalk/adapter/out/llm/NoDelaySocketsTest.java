package dev.tasktalk.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {

  private final NoDelaySockets sockets = new NoDelaySockets();

  @Test
  void anUnconnectedSocket_asOkHttpAsksForIt_hasNagleOff() throws IOException {
    try (Socket socket = sockets.createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void connectedSockets_haveNagleOff() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Socket byName = sockets.createSocket("127.0.0.1", server.getLocalPort());
        Socket byAddress =
            sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(byName.getTcpNoDelay()).isTrue();
      assertThat(byAddress.getTcpNoDelay()).isTrue();
    }
  }
}
