package org.jflow.io.tfrecord;

import java.util.zip.CRC32C;

/** The record framing TF's {@code RecordWriter} writes: header of length and its CRC, data, data CRC. */
final class Framing {
    private Framing() {}

    /** Bytes before a record's data: the uint64 length and its uint32 masked CRC. */
    static final int HEADER = 12;
    /** Bytes after a record's data: its uint32 masked CRC. */
    static final int FOOTER = 4;
    private static final int MASK_DELTA = 0xa282ead8;

    /**
     * TF's {@code crc32c::Mask}: the CRC rotated right by 15 bits plus a constant, because a CRC of data that
     * holds CRCs is weak (tensorflow/core/lib/hash/crc32c.h).
     */
    static int maskedCrc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[at + i] & 0xff);
        return v;
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static void writeLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    static void writeInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
    }
}
