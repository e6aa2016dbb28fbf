package kg.borderlands.serve.hardening;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A TCP listener that only counts the connections made to it (and closes them). */
final class ConnectionCounter implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger count = new AtomicInteger();
    private final Thread acceptor;

    ConnectionCounter(InetAddress bind) throws IOException {
        socket = new ServerSocket(0, 50, bind);
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    count.incrementAndGet();
                } catch (IOException e) {
                    // closed
                }
            }
        }, "connection-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return count.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
