package org.jflow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keras' name-uid table: dense, dense_1, ...; clear_session starts over (values as Keras 3.15 gives them). */
class NameUidsTest {
    @Test
    void namesAreMadeUniqueUntilTheSessionIsCleared() {
        NameUids.clearSession();
        assertEquals("dense", NameUids.autoName("Dense"));
        assertEquals("dense_1", NameUids.autoName("Dense"));
        assertEquals("batch_normalization", NameUids.autoName("BatchNormalization"));
        assertEquals("dense_2", NameUids.uniquify("dense"));
        assertEquals(4, NameUids.getUid("dense"), "get_uid shares the table with uniquify");
        NameUids.clearSession();
        assertEquals("dense", NameUids.autoName("Dense"));
        assertEquals(1, NameUids.getUid("conv2d"));
    }

    @Test
    void snakeCaseAsKeras() {
        assertEquals("conv2d", NameUids.toSnakeCase("Conv2D"));
        assertEquals("lstm_cell", NameUids.toSnakeCase("LSTMCell"));
        assertEquals("global_average_pooling2d", NameUids.toSnakeCase("GlobalAveragePooling2D"));
        assertEquals("re_lu", NameUids.toSnakeCase("ReLU"));
    }
}
