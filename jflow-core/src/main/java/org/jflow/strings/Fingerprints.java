package org.jflow.strings;

/**
 * The string hashes behind TF's hash buckets: {@code Fingerprint64} (FarmHash's {@code farmhashna::Hash64},
 * which never changes across platforms or versions) and {@code StrongKeyedHash} (SipHash-2-4). Public for
 * the ops of modules above the core that hash as TF does (jflow-data's crossed feature columns).
 */
public final class Fingerprints {
    private static final long K0 = 0xc3a5c85c97cb3127L, K1 = 0xb492b66fbe98f273L, K2 = 0x9ae16a3b2f90404fL;

    private Fingerprints() {}

    private static long fetch64(byte[] s, int i) {
        long r = 0;
        for (int k = 7; k >= 0; k--) r = (r << 8) | (s[i + k] & 0xFFL);
        return r;
    }

    private static long fetch32(byte[] s, int i) {
        return (s[i] & 0xFFL) | (s[i + 1] & 0xFFL) << 8 | (s[i + 2] & 0xFFL) << 16 | (s[i + 3] & 0xFFL) << 24;
    }

    private static long shiftMix(long v) { return v ^ (v >>> 47); }

    private static long hashLen16(long u, long v, long mul) {
        long a = (u ^ v) * mul;
        a ^= a >>> 47;
        long b = (v ^ a) * mul;
        b ^= b >>> 47;
        return b * mul;
    }

    private static long hashLen0to16(byte[] s) {
        int len = s.length;
        if (len >= 8) {
            long mul = K2 + len * 2L;
            long a = fetch64(s, 0) + K2;
            long b = fetch64(s, len - 8);
            long c = Long.rotateRight(b, 37) * mul + a;
            long d = (Long.rotateRight(a, 25) + b) * mul;
            return hashLen16(c, d, mul);
        }
        if (len >= 4) {
            long mul = K2 + len * 2L;
            return hashLen16(len + (fetch32(s, 0) << 3), fetch32(s, len - 4), mul);
        }
        if (len > 0) {
            int a = s[0] & 0xFF, b = s[len >> 1] & 0xFF, c = s[len - 1] & 0xFF;
            int y = a + (b << 8);
            int z = len + (c << 2);
            return shiftMix((y & 0xFFFFFFFFL) * K2 ^ (z & 0xFFFFFFFFL) * K0) * K2;
        }
        return K2;
    }

    private static long hashLen17to32(byte[] s) {
        int len = s.length;
        long mul = K2 + len * 2L;
        long a = fetch64(s, 0) * K1, b = fetch64(s, 8), c = fetch64(s, len - 8) * mul, d = fetch64(s, len - 16) * K2;
        return hashLen16(Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d, a + Long.rotateRight(b + K2, 18) + c, mul);
    }

    private static long hashLen33to64(byte[] s) {
        int len = s.length;
        long mul = K2 + len * 2L;
        long a = fetch64(s, 0) * K2, b = fetch64(s, 8), c = fetch64(s, len - 8) * mul, d = fetch64(s, len - 16) * K2;
        long y = Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d;
        long z = hashLen16(y, a + Long.rotateRight(b + K2, 18) + c, mul);
        long e = fetch64(s, 16) * mul, f = fetch64(s, 24);
        long g = (y + fetch64(s, len - 32)) * mul, h = (z + fetch64(s, len - 24)) * mul;
        return hashLen16(Long.rotateRight(e + f, 43) + Long.rotateRight(g, 30) + h, e + Long.rotateRight(f + a, 18) + g, mul);
    }

    /** {@code WeakHashLen32WithSeeds} on 32 bytes at {@code i}: the pair {first, second}. */
    private static long[] weak32(byte[] s, int i, long a, long b) {
        long w = fetch64(s, i), x = fetch64(s, i + 8), y = fetch64(s, i + 16), z = fetch64(s, i + 24);
        a += w;
        b = Long.rotateRight(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += Long.rotateRight(a, 44);
        return new long[] {a + z, b + c};
    }

    /** TF's {@code Fingerprint64}: FarmHash {@code farmhashna::Hash64}. */
    public static long fingerprint64(byte[] s) {
        int len = s.length;
        if (len <= 16) return hashLen0to16(s);
        if (len <= 32) return hashLen17to32(s);
        if (len <= 64) return hashLen33to64(s);
        long seed = 81;
        long x = seed, y = seed * K1 + 113, z = shiftMix(y * K2 + 113) * K2;
        long[] v = {0, 0}, w = {0, 0};
        x = x * K2 + fetch64(s, 0);
        int end = ((len - 1) / 64) * 64, last64 = len - 64, p = 0;
        do {
            x = Long.rotateRight(x + y + v[0] + fetch64(s, p + 8), 37) * K1;
            y = Long.rotateRight(y + v[1] + fetch64(s, p + 48), 42) * K1;
            x ^= w[1];
            y += v[0] + fetch64(s, p + 40);
            z = Long.rotateRight(z + w[0], 33) * K1;
            v = weak32(s, p, v[1] * K1, x + w[0]);
            w = weak32(s, p + 32, z + w[1], y + fetch64(s, p + 16));
            long t = z;
            z = x;
            x = t;
            p += 64;
        } while (p != end);
        long mul = K1 + ((z & 0xff) << 1);
        p = last64;
        w[0] += (len - 1) & 63;
        v[0] += w[0];
        w[0] += v[0];
        x = Long.rotateRight(x + y + v[0] + fetch64(s, p + 8), 37) * mul;
        y = Long.rotateRight(y + v[1] + fetch64(s, p + 48), 42) * mul;
        x ^= w[1] * 9;
        y += v[0] * 9 + fetch64(s, p + 40);
        z = Long.rotateRight(z + w[0], 33) * mul;
        v = weak32(s, p, v[1] * mul, x + w[0]);
        w = weak32(s, p + 32, z + w[1], y + fetch64(s, p + 16));
        long t = z;
        z = x;
        x = t;
        return hashLen16(hashLen16(v[0], w[0], mul) + shiftMix(y) * K0 + z, hashLen16(v[1], w[1], mul) + x, mul);
    }

    /** SipHash-2-4 keyed by {@code (k0, k1)}: TF's {@code StrongKeyedHash}. */
    static long sipHash24(long k0, long k1, byte[] m) {
        long v0 = k0 ^ 0x736f6d6570736575L, v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L, v3 = k1 ^ 0x7465646279746573L;
        int blocks = m.length / 8;
        long[] state = {v0, v1, v2, v3};
        for (int b = 0; b < blocks; b++) {
            long word = fetch64(m, 8 * b);
            state[3] ^= word;
            sipRound(state);
            sipRound(state);
            state[0] ^= word;
        }
        long last = (long) m.length << 56;
        for (int k = m.length % 8 - 1; k >= 0; k--) last |= (m[8 * blocks + k] & 0xFFL) << (8 * k);
        state[3] ^= last;
        sipRound(state);
        sipRound(state);
        state[0] ^= last;
        state[2] ^= 0xff;
        for (int r = 0; r < 4; r++) sipRound(state);
        return state[0] ^ state[1] ^ state[2] ^ state[3];
    }

    private static void sipRound(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
