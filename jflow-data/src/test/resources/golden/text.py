"""Golden values for TextPreprocessingTest: Keras 3.15's pad_sequences and its legacy Tokenizer
(tf.keras.preprocessing.text) on small texts. Run from this folder: python text.py > text.json"""
import json

import tensorflow as tf
from keras.utils import pad_sequences

Tokenizer = tf.keras.preprocessing.text.Tokenizer
texts = ["The cat sat on the mat.", "The dog ate my homework!", "Cats and dogs: the best of friends?",
         "A mat, a hat; THE END"]
queries = ["the cat ate the hat", "unknown words here", "dogs and cats"]
cases = {}
for name, tok in {"plain": Tokenizer(), "num_words_5": Tokenizer(num_words=5),
                  "oov": Tokenizer(oov_token="<OOV>"), "oov_num_words_4": Tokenizer(num_words=4, oov_token="<OOV>"),
                  "char_level": Tokenizer(char_level=True)}.items():
    tok.fit_on_texts(texts)
    seqs = tok.texts_to_sequences(queries)
    cases[name] = {
        "word_index": list(tok.word_index.items()),
        "word_counts": list(tok.word_counts.items()),
        "sequences": seqs,
        "texts": tok.sequences_to_texts(seqs),
        "matrices": {m: tok.texts_to_matrix(queries, mode=m).tolist() for m in ["binary", "count", "tfidf", "freq"]},
    }
cases["text_to_word_sequence"] = tf.keras.preprocessing.text.text_to_word_sequence("Hello, World! It's  a\ttest.")
seqs = [[1, 2, 3, 4], [5, 6], [], [7, 8, 9, 10, 11, 12]]
cases["pad_default"] = pad_sequences(seqs).tolist()
cases["pad_post_post_3"] = pad_sequences(seqs, maxlen=3, padding="post", truncating="post").tolist()
cases["pad_pre_post_value"] = pad_sequences(seqs, maxlen=5, truncating="post", value=-1).tolist()
print(json.dumps(cases, indent=1))
