package io.kreactor.core.tls;

import java.io.ByteArrayOutputStream;

/**
 * The few ASN.1 DER operations needed to rewrap PKCS#1 and SEC1 private keys as PKCS#8, so the JDK's
 * {@code KeyFactory} can read them without a third-party library.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    private Der() {
    }

    /** Encodes one tag-length-value element. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** A SEQUENCE of already encoded elements. */
    static byte[] sequence(byte[]... elements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] element : elements) {
            content.writeBytes(element);
        }
        return tlv(SEQUENCE, content.toByteArray());
    }

    /** The INTEGER {@code 0}, as in a PKCS#8 {@code PrivateKeyInfo} version. */
    static byte[] zero() {
        return tlv(INTEGER, new byte[] {0});
    }

    /** An OBJECT IDENTIFIER from its dotted form. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        writeBase128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(content, Long.parseLong(arcs[i]));
        }
        return tlv(OID, content.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((value >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? b : b | 0x80);
        }
    }

    /** The dotted form of an OID element's content bytes. */
    static String oidToString(byte[] content) {
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    long top = Math.min(value / 40, 2);
                    sb.append(top).append('.').append(value - top * 40);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }

    /** One decoded element: its tag, and where its whole encoding and its content lie in {@code source}. */
    record Element(int tag, byte[] source, int start, int contentStart, int end) {

        /** The content bytes. */
        byte[] content() {
            byte[] out = new byte[end - contentStart];
            System.arraycopy(source, contentStart, out, 0, out.length);
            return out;
        }

        /** The whole encoding, tag and length included. */
        byte[] encoded() {
            byte[] out = new byte[end - start];
            System.arraycopy(source, start, out, 0, out.length);
            return out;
        }

        /** A reader over the elements inside this constructed element. */
        Reader children() {
            return new Reader(source, contentStart, end);
        }
    }

    /** Reads consecutive elements from a byte range; throws {@link IllegalArgumentException} on malformed DER. */
    static final class Reader {
        private final byte[] data;
        private int pos;
        private final int limit;

        Reader(byte[] data) {
            this(data, 0, data.length);
        }

        Reader(byte[] data, int from, int limit) {
            this.data = data;
            this.pos = from;
            this.limit = limit;
        }

        boolean hasNext() {
            return pos < limit;
        }

        Element next() {
            int start = pos;
            if (pos + 2 > limit) {
                throw new IllegalArgumentException("truncated DER element");
            }
            int tag = data[pos++] & 0xFF;
            int first = data[pos++] & 0xFF;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7F;
                if (bytes == 0 || bytes > 4 || pos + bytes > limit) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (data[pos++] & 0xFF);
                }
            }
            if (length < 0 || pos + length > limit) {
                throw new IllegalArgumentException("DER element longer than its container");
            }
            Element element = new Element(tag, data, start, pos, pos + length);
            pos += length;
            return element;
        }

        Element next(int expectedTag, String what) {
            if (!hasNext()) {
                throw new IllegalArgumentException("missing " + what);
            }
            Element e = next();
            if (e.tag() != expectedTag) {
                throw new IllegalArgumentException("expected " + what + " but found tag 0x" + Integer.toHexString(e.tag()));
            }
            return e;
        }
    }
}
