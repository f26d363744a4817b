package org.jflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;

/**
 * Mutated JPEG, PNG, GIF and BMP files (bytes flipped, set to 0x00/0xff, runs duplicated or cut, truncation)
 * each decode or raise TF's InvalidArgumentError: never another exception, an out-of-memory or a hang.
 */
class ImageFuzzTest {
    static final int PER_FORMAT = Integer.getInteger("jflow.fuzz.images", 25_000);

    @Test
    void mutatedImagesDecodeOrRaiseInvalidArgument() {
        List<String> failures = new ArrayList<>();
        int decoded = 0, rejected = 0;
        SplittableRandom rnd = new SplittableRandom(14);
        for (String name : List.of("rgb.jpg", "gray.jpg", "rgb.png", "palette.png", "rgb16.png", "anim.gif", "rgb.bmp")) {
            byte[] seed = ImageOpsTest.fixture(name);
            for (int i = 0; i < PER_FORMAT; i++) {
                byte[] b = mutate(seed, rnd);
                try {
                    ImageCodecs.decode(b, rnd.nextInt(5) == 0 ? 1 : 0, true);
                    decoded++;
                } catch (InvalidArgumentError e) {
                    rejected++;
                } catch (Throwable t) {
                    if (failures.size() < 10) failures.add(name + " #" + i + ": " + t);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(decoded > 0 && rejected > 0, decoded + " decoded, " + rejected + " rejected");
    }

    static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] b = seed.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = (byte) (rnd.nextBoolean() ? 0 : 0xff);
                case 2 -> b[at] = (byte) rnd.nextInt(256);
                case 3 -> b = java.util.Arrays.copyOf(b, at); // truncation
                default -> { // a run duplicated
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(16));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }
}
