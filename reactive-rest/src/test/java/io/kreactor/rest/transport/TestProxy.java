package io.kreactor.rest.transport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal forward proxy on a loopback port for tests: HTTP {@code CONNECT} or SOCKS5 (no auth, CONNECT
 * command). Uses plain blocking sockets on its own platform threads, so it needs no Netty buffers.
 * Records what each client asked for.
 */
final class TestProxy implements Closeable {

    enum Kind { HTTP_CONNECT, SOCKS5 }

    private final Kind kind;
    private final ServerSocket server;
    /** One entry per tunnel: the CONNECT request head (HTTP) or {@code host:port} (SOCKS5). */
    final List<String> requests = new CopyOnWriteArrayList<>();

    TestProxy(Kind kind) throws IOException {
        this.kind = kind;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            Socket upstream = kind == Kind.HTTP_CONNECT ? httpConnect(in, out) : socks5(in, out);
            if (upstream == null) {
                return;
            }
            try (upstream) {
                Thread pump = new Thread(() -> copy(upstream, client), "test-proxy-pump");
                pump.setDaemon(true);
                pump.start();
                copy(client, upstream);
                pump.join(10_000);
            }
        } catch (IOException | InterruptedException e) {
            // The tunnel ends when either side closes.
        }
    }

    private Socket httpConnect(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        requests.add(text);
        String[] target = text.split(" ", 3)[1].split(":");
        Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return upstream;
    }

    private Socket socks5(InputStream raw, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        in.readUnsignedByte(); // version 5
        in.readFully(new byte[in.readUnsignedByte()]); // offered methods
        out.write(new byte[] {5, 0});
        out.flush();
        in.readUnsignedByte(); // version
        in.readUnsignedByte(); // command: CONNECT
        in.readUnsignedByte(); // reserved
        int type = in.readUnsignedByte();
        String host;
        if (type == 1) {
            byte[] ip = new byte[4];
            in.readFully(ip);
            host = InetAddress.getByAddress(ip).getHostAddress();
        } else if (type == 3) {
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            host = new String(name, StandardCharsets.US_ASCII);
        } else {
            return null;
        }
        int port = in.readUnsignedShort();
        requests.add(host + ":" + port);
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(host, port));
        out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        out.flush();
        return upstream;
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // Closed by the other side.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
