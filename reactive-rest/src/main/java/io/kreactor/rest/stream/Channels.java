package io.kreactor.rest.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * The {@code channel.k8s.io} framing: every binary message starts with one byte naming its channel. Exec and
 * attach use 0 stdin, 1 stdout, 2 stderr, 3 error (a Status), 4 resize; {@code v5} adds 255, a message
 * {@code [255, channel]} closing that channel. Port-forward uses 2k for the data and 2k+1 for the errors of the
 * k-th requested port.
 */
final class Channels {

    static final String V5 = "v5.channel.k8s.io";
    static final String V4 = "v4.channel.k8s.io";
    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int ERROR = 3;
    static final int RESIZE = 4;
    static final int CLOSE = 255;

    private Channels() {
    }

    static WebSocketFrame frame(int channel, byte[] data) {
        ByteBuf buf = Unpooled.buffer(data.length + 1);
        buf.writeByte(channel);
        buf.writeBytes(data);
        return new BinaryWebSocketFrame(buf);
    }

    static WebSocketFrame close(int channel) {
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) CLOSE, (byte) channel}));
    }
}
