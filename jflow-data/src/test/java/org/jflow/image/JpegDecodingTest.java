package org.jflow.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

/**
 * JPEG decoding against TF 2.21 on cifar2 files ({@code golden/jpeg_cifar2.py}): equal to
 * {@code dct_method='INTEGER_ACCURATE'} byte for byte; TF's default IDCT differs by at most 5 levels
 * (over all 2000 cifar2 test files: 0 in 35.7% of the values, 1 in 39.7%, 2 in 15.9%, 3 in 8.5%, 4 in 0.17%,
 * 5 in 14 values; README "Images").
 */
class JpegDecodingTest {
    private static final Path TEST = org.jflow.data.SharedData.DIR.resolve("cifar2/test");

    @Test
    void decodeJpegEqualsTfsAccurateIdctAndStaysWithin5OfItsDefault() throws IOException {
        org.jflow.data.SharedData.assume();
        Golden golden = Golden.load("jpeg_cifar2");
        ImageNamespace image = new ImageNamespace();
        long[] histogram = new long[256];
        for (Map.Entry<String, Object> e : golden.cases().entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, String> tf = (Map<String, String>) e.getValue();
            Tensor ours = image.decodeJpeg(Files.readAllBytes(TEST.resolve(e.getKey())), 3);
            byte[] px = (byte[]) ours.data();
            assertArrayEquals(Base64.getDecoder().decode(tf.get("INTEGER_ACCURATE")), px, e.getKey());
            byte[] dflt = Base64.getDecoder().decode(tf.get("default"));
            for (int i = 0; i < px.length; i++) histogram[Math.abs((px[i] & 0xff) - (dflt[i] & 0xff))]++;
        }
        assertEquals(20, golden.cases().size());
        int max = 255;
        while (histogram[max] == 0) max--;
        assertTrue(max <= 5, "max |diff| to TF's default IDCT " + max + ": " + Arrays.toString(Arrays.copyOf(histogram, max + 1)));
        assertTrue(histogram[0] + histogram[1] > histogram[2] + histogram[3] + histogram[4] + histogram[5]);
    }
}
