package org.jflow.data.text;

import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keras' pad_sequences and legacy Tokenizer against Keras 3.15 ({@code golden/text.py}). */
class TextPreprocessingTest {
    private static final Golden GOLDEN = Golden.load("text");
    private static final List<String> TEXTS = List.of("The cat sat on the mat.", "The dog ate my homework!",
            "Cats and dogs: the best of friends?", "A mat, a hat; THE END");
    private static final List<String> QUERIES = List.of("the cat ate the hat", "unknown words here", "dogs and cats");

    @Test
    void tokenizersMatchKeras() {
        Map<String, Supplier<Tokenizer>> tokenizers = Map.of("plain", Tokenizer::new, "num_words_5", () -> new Tokenizer(5),
                "oov", () -> new Tokenizer().oovToken("<OOV>"), "oov_num_words_4", () -> new Tokenizer(4).oovToken("<OOV>"),
                "char_level", () -> new Tokenizer().charLevel(true));
        tokenizers.forEach((name, make) -> {
            Tokenizer tok = make.get().fitOnTexts(TEXTS);
            Map<String, Object> expected = GOLDEN.map(name);
            assertEquals(pairs(expected.get("word_index")), pairs(tok.wordIndex()), name + " word_index");
            assertEquals(pairs(expected.get("word_counts")), pairs(tok.wordCounts()), name + " word_counts");
            List<int[]> seqs = tok.textsToSequences(QUERIES);
            assertEquals(ints(expected.get("sequences")), seqs.stream().map(TextPreprocessingTest::boxed).toList(), name);
            assertEquals(expected.get("texts"), tok.sequencesToTexts(seqs), name + " texts");
            @SuppressWarnings("unchecked")
            Map<String, Object> matrices = (Map<String, Object>) expected.get("matrices");
            matrices.forEach((mode, m) -> {
                Tensor x = tok.textsToMatrix(QUERIES, mode);
                assertArrayEquals(Golden.flatten(m), x.toDoubleArray(), 1e-12, name + " " + mode);
            });
        });
    }

    @Test
    void textToWordSequenceMatchesKeras() {
        assertEquals(GOLDEN.get("text_to_word_sequence"), Tokenizer.textToWordSequence("Hello, World! It's  a\ttest."));
    }

    @Test
    void padSequencesMatchesKeras() {
        List<int[]> seqs = List.of(new int[] {1, 2, 3, 4}, new int[] {5, 6}, new int[] {}, new int[] {7, 8, 9, 10, 11, 12});
        assertArrayEquals(Golden.flatten(GOLDEN.get("pad_default")), Sequences.padSequences(seqs).toDoubleArray());
        assertArrayEquals(Golden.flatten(GOLDEN.get("pad_post_post_3")), Sequences.padSequences(seqs,
                new Sequences.PadOptions().maxlen(3).padding("post").truncating("post")).toDoubleArray());
        Tensor padded = Sequences.padSequences(seqs, new Sequences.PadOptions().maxlen(5).truncating("post").value(-1));
        assertArrayEquals(Golden.flatten(GOLDEN.get("pad_pre_post_value")), padded.toDoubleArray());
        assertEquals("(4, 5)", padded.shape().toString());
        assertEquals(org.jflow.DType.INT32, padded.dtype());
    }

    private static List<List<Object>> pairs(Object golden) {
        List<List<Object>> out = new ArrayList<>();
        for (Object p : (List<?>) golden) out.add(List.of(((List<?>) p).get(0), ((Number) ((List<?>) p).get(1)).intValue()));
        return out;
    }

    private static List<List<Object>> pairs(Map<String, Integer> map) {
        List<List<Object>> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(List.of(k, v)));
        return out;
    }

    private static List<List<Integer>> ints(Object golden) {
        List<List<Integer>> out = new ArrayList<>();
        for (Object row : (List<?>) golden) out.add(((List<?>) row).stream().map(n -> ((Number) n).intValue()).toList());
        return out;
    }

    private static List<Integer> boxed(int[] a) { return java.util.Arrays.stream(a).boxed().toList(); }
}
