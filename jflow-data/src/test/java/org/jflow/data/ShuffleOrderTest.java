package org.jflow.data;

import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.random.RandomSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** tf.data's shuffle draws TF 2.21's orders for the same seeds ({@code golden/shuffle.py}). */
class ShuffleOrderTest {
    private static final Golden GOLDEN = Golden.load("shuffle");

    @AfterEach
    void clearGlobalSeed() { RandomSeed.clearSeed(); }

    private static List<List<Long>> passes(Dataset<Tensor> ds, int n) {
        List<List<Long>> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            List<Long> pass = new ArrayList<>();
            for (Tensor t : ds) pass.add((Long) t.numpy());
            out.add(pass);
        }
        return out;
    }

    private static List<List<Long>> golden(String name) {
        List<List<Long>> out = new ArrayList<>();
        for (Object pass : (List<?>) GOLDEN.get(name)) out.add(((List<?>) pass).stream().map(v -> ((Number) v).longValue()).toList());
        return out;
    }

    @Test
    void opSeedsGiveTfsOrders() {
        assertEquals(golden("op_seed_reshuffle"), passes(Dataset.range(12).shuffle(5, 42L, true), 3));
        assertEquals(golden("op_seed_fixed"), passes(Dataset.range(12).shuffle(5, 42L, false), 2));
        assertEquals(golden("buffer_larger_than_data"), passes(Dataset.range(30).shuffle(100, 7L, true), 2));
        assertEquals(golden("buffer_one"), passes(Dataset.range(5).shuffle(1, 1L, true), 1));
        List<List<Long>> batches = new ArrayList<>();
        for (Tensor b : Dataset.range(20).shuffle(8, 123L, true).batch(5)) {
            batches.add(java.util.Arrays.stream(b.toLongArray()).boxed().toList());
        }
        assertEquals(golden("batched_after"), batches);
    }

    @Test
    void theGlobalSeedGivesTfsOrders() {
        RandomSeed.setSeed(3);
        assertEquals(golden("global_seed"), passes(Dataset.range(10).shuffle(4), 2));
        assertEquals(golden("global_seed_second_op"), passes(Dataset.range(10).shuffle(4), 1));
        RandomSeed.setSeed(3);
        assertEquals(golden("global_and_op_seed"), passes(Dataset.range(10).shuffle(4, 9L, true), 1));
    }
}
