/**
 * Keras' text preprocessing: {@code keras.utils.pad_sequences} ({@link org.jflow.data.text.Sequences}),
 * the legacy {@code keras.preprocessing.text.Tokenizer} and {@code text_to_word_sequence} that the
 * tutorials use, following {@code keras/src/utils/sequence_utils.py} and
 * {@code keras/src/legacy/preprocessing/text.py}.
 */
package org.jflow.data.text;
