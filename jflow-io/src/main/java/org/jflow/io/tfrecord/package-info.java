/**
 * TF's TFRecord files ({@code tensorflow/core/lib/io/record_reader.cc}, {@code record_writer.cc}): each record is
 * its length (uint64, little endian), the masked CRC32C of those 8 bytes, the data, and the masked CRC32C of the
 * data; the whole file optionally GZIP or ZLIB compressed. Written once here: {@code tf.data.TFRecordDataset},
 * {@code tf.io.TFRecordWriter} and TensorBoard's event files all read and write through these classes.
 */
package org.jflow.io.tfrecord;
