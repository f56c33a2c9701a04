package org.imrflow.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A TCP connection between the application's Camunda client and the engine that a test can cut and connect again:
 * while it is cut, the engine is unreachable (connections refused, open ones closed), as an engine behind a broken
 * network is.
 */
public final class EngineWire implements Closeable {

    private final int port;
    private final IntSupplier target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private EngineWire(int port, IntSupplier target) {
        this.port = port;
        this.target = target;
    }

    /** A wire on a free port of its own to the engine on the port given when a connection opens, connected. */
    public static EngineWire to(IntSupplier targetPort) {
        EngineWire wire = new EngineWire(ApplicationIT.freePort(), targetPort);
        wire.connect();
        return wire;
    }

    public int port() {
        return port;
    }

    public synchronized void connect() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread.ofVirtual().start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine is unreachable from now on: new connections are refused and open ones closed. */
    public synchronized void cut() {
        if (server == null) {
            return;
        }
        quietly(server);
        server = null;
        open.forEach(EngineWire::quietly);
        open.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket engine = new Socket(InetAddress.getLoopbackAddress(), target.getAsInt());
                open.add(client);
                open.add(engine);
                Thread.ofVirtual().start(() -> pump(client, engine));
                Thread.ofVirtual().start(() -> pump(engine, client));
            } catch (IOException e) {
                // closed: the wire was cut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            quietly(from);
            quietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void quietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
