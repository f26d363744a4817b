package org.jflow.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast float32 fmod equals Java's {@code %} (C's fmod) bit for bit, wherever it is taken. */
class FloatRemainderTest {
    private static void check(float a, float b) {
        double expected = (double) a % (double) b, actual = FloatRemainder.fmod(a, b);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "fmod(" + a + ", " + b + "): " + expected + " but " + actual);
    }

    @Test
    void randomFloatsOfEveryMagnitudeMatchFmodBitForBit() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 2_000_000; i++) {
            check(Float.intBitsToFloat(rnd.nextInt()), Float.intBitsToFloat(rnd.nextInt()));
            float a = (float) rnd.nextDouble(-1e4, 1e4), b = (float) rnd.nextDouble(-50, 50);
            check(a, b);
            check(a, (float) Math.rint(b)); // integer divisors: quotients land on and near integers
            check((float) Math.rint(a), (float) Math.rint(b));
        }
    }

    @Test
    void edgeValuesMatchFmod() {
        float[] edges = {0f, -0f, 1f, -1f, 3f, -3f, 0.1f, -0.1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
                16777216f, 16777217f, 1e-30f, 7f / 3f, Math.nextUp(3f), Math.nextDown(3f)};
        for (float a : edges) for (float b : edges) check(a, b);
    }
}
