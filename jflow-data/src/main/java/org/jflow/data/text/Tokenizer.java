package org.jflow.data.text;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.errors.ValueError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keras' (legacy) {@code keras.preprocessing.text.Tokenizer}: fitted on texts, it numbers words by
 * descending frequency (ties in order of first appearance; index 0 is never used; the OOV token, if
 * any, is 1) and turns texts into index sequences or document-term matrices. Only the first
 * {@code numWords - 1} indices are kept when converting, as in Keras.
 */
public final class Tokenizer {
    /** Keras' default filters: punctuation, tab and newline. */
    public static final String DEFAULT_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    private Integer numWords;
    private String filters = DEFAULT_FILTERS;
    private boolean lower = true;
    private String split = " ";
    private boolean charLevel;
    private String oovToken;

    private final Map<String, Integer> wordCounts = new LinkedHashMap<>();
    private final Map<String, Integer> wordDocs = new LinkedHashMap<>();
    private Map<String, Integer> wordIndex = new LinkedHashMap<>();
    private final Map<Integer, Integer> indexDocs = new LinkedHashMap<>();
    private int documentCount;

    /** {@code Tokenizer()}: every word kept. */
    public Tokenizer() {}

    /** {@code Tokenizer(num_words)}: conversions keep the indices below {@code numWords}. */
    public Tokenizer(int numWords) { this.numWords = numWords; }

    public Tokenizer filters(String filters) { this.filters = filters; return this; }

    public Tokenizer lower(boolean lower) { this.lower = lower; return this; }

    public Tokenizer split(String split) { this.split = split; return this; }

    /** Characters rather than words are the tokens. */
    public Tokenizer charLevel(boolean charLevel) { this.charLevel = charLevel; return this; }

    /** A token standing for words outside the vocabulary (index 1). */
    public Tokenizer oovToken(String oovToken) { this.oovToken = oovToken; return this; }

    /** {@code text_to_word_sequence(text)} with Keras' defaults. */
    public static List<String> textToWordSequence(String text) { return textToWordSequence(text, DEFAULT_FILTERS, true, " "); }

    /** {@code text_to_word_sequence(text, filters, lower, split)}: lower-cased, filters replaced by the separator, split, empties dropped. */
    public static List<String> textToWordSequence(String text, String filters, boolean lower, String split) {
        String s = lower ? text.toLowerCase(Locale.ROOT) : text;
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (filters.indexOf(c) >= 0) b.append(split);
            else b.appendCodePoint(c);
        });
        List<String> out = new ArrayList<>();
        for (String w : b.toString().split(java.util.regex.Pattern.quote(split), -1)) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private List<String> tokens(String text) {
        if (!charLevel) return textToWordSequence(text, filters, lower, split);
        String s = lower ? text.toLowerCase(Locale.ROOT) : text;
        List<String> out = new ArrayList<>();
        s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        return out;
    }

    /** {@code fit_on_texts(texts)}: counts words and renumbers the vocabulary (over every text fitted so far). */
    public Tokenizer fitOnTexts(List<String> texts) {
        for (String text : texts) {
            documentCount++;
            List<String> seq = tokens(text);
            for (String w : seq) wordCounts.merge(w, 1, Integer::sum);
            for (String w : new LinkedHashSet<>(seq)) wordDocs.merge(w, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> counts = new ArrayList<>(wordCounts.entrySet());
        counts.sort(Collections.reverseOrder(Map.Entry.comparingByValue())); // stable: ties keep first appearance
        List<String> vocabulary = new ArrayList<>();
        if (oovToken != null) vocabulary.add(oovToken);
        for (Map.Entry<String, Integer> e : counts) vocabulary.add(e.getKey());
        wordIndex = new LinkedHashMap<>();
        for (String w : vocabulary) wordIndex.putIfAbsent(w, wordIndex.size() + 1);
        indexDocs.clear();
        wordDocs.forEach((w, c) -> indexDocs.put(wordIndex.get(w), c));
        return this;
    }

    /** {@code texts_to_sequences(texts)}: each text's word indices (unknown words dropped, or the OOV index). */
    public List<int[]> textsToSequences(List<String> texts) {
        Integer oovIndex = oovToken == null ? null : wordIndex.get(oovToken);
        List<int[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            List<Integer> vect = new ArrayList<>();
            for (String w : tokens(text)) {
                Integer i = wordIndex.get(w);
                if (i != null) {
                    if (numWords != null && numWords != 0 && i >= numWords) {
                        if (oovIndex != null) vect.add(oovIndex);
                    } else {
                        vect.add(i);
                    }
                } else if (oovToken != null) {
                    vect.add(oovIndex);
                }
            }
            out.add(vect.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** {@code sequences_to_texts(sequences)}: the words of each sequence joined by spaces (OOV rules as above). */
    public List<String> sequencesToTexts(List<int[]> sequences) {
        Map<Integer, String> indexWord = indexWord();
        Integer oovIndex = oovToken == null ? null : wordIndex.get(oovToken);
        List<String> out = new ArrayList<>();
        for (int[] seq : sequences) {
            List<String> words = new ArrayList<>();
            for (int i : seq) {
                String w = indexWord.get(i);
                if (w != null) {
                    if (numWords != null && numWords != 0 && i >= numWords) {
                        if (oovIndex != null) words.add(indexWord.get(oovIndex));
                    } else {
                        words.add(w);
                    }
                } else if (oovToken != null) {
                    words.add(indexWord.get(oovIndex));
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** {@code texts_to_matrix(texts, mode)}: "binary", "count", "tfidf" or "freq"; float64 as Keras' NumPy result. */
    public Tensor textsToMatrix(List<String> texts, String mode) { return sequencesToMatrix(textsToSequences(texts), mode); }

    /** {@code sequences_to_matrix(sequences, mode)}: one row per sequence, one column per index below {@code numWords}. */
    public Tensor sequencesToMatrix(List<int[]> sequences, String mode) {
        int columns;
        if (numWords == null || numWords == 0) {
            if (wordIndex.isEmpty()) {
                throw new ValueError("Specify a dimension (`num_words` argument), or fit on some text data first.");
            }
            columns = wordIndex.size() + 1;
        } else {
            columns = numWords;
        }
        if (mode.equals("tfidf") && documentCount == 0) {
            throw new ValueError("Fit the Tokenizer on some data before using tfidf mode.");
        }
        if (!Set.of("binary", "count", "tfidf", "freq").contains(mode)) throw new ValueError("Unknown vectorization mode: " + mode);
        double[] x = new double[sequences.size() * columns];
        for (int row = 0; row < sequences.size(); row++) {
            int[] seq = sequences.get(row);
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (int j : seq) if (j < columns) counts.merge(j, 1, Integer::sum);
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                int j = e.getKey(), c = e.getValue();
                x[row * columns + j] = switch (mode) {
                    case "count" -> c;
                    case "freq" -> (double) c / seq.length;
                    case "binary" -> 1;
                    default -> (1 + Math.log(c)) * Math.log(1 + documentCount / (1.0 + indexDocs.getOrDefault(j, 0)));
                };
            }
        }
        return Tensor.wrap(DType.FLOAT64, Shape.of(sequences.size(), columns), x);
    }

    /** {@code word_index}: word to index, most frequent first. */
    public Map<String, Integer> wordIndex() { return Collections.unmodifiableMap(wordIndex); }

    /** {@code index_word}: index to word. */
    public Map<Integer, String> indexWord() {
        Map<Integer, String> out = new LinkedHashMap<>();
        wordIndex.forEach((w, i) -> out.put(i, w));
        return out;
    }

    /** {@code word_counts}: how often each word occurred, in order of first appearance. */
    public Map<String, Integer> wordCounts() { return Collections.unmodifiableMap(wordCounts); }

    /** {@code word_docs}: in how many texts each word occurred. */
    public Map<String, Integer> wordDocs() { return Collections.unmodifiableMap(wordDocs); }

    /** {@code document_count}: the number of texts fitted. */
    public int documentCount() { return documentCount; }
}
