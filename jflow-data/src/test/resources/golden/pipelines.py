"""Golden output for DatasetPipelinesTest: the tutorial's tf.data pipelines (seed 001, inventory 001b
sections 3.1-3.3) and a few more, run in TF 2.21. Each case is the list of printed lines: print(x) of
each element, elements that are tuples printed as print(*element). Paths are relative to the data
folder given as the first argument (../shared/data). Run from this folder:
    python pipelines.py /work/shared/data > pipelines.json"""
import json
import os
import sys

import tensorflow as tf

os.chdir(sys.argv[1])
cases = {}


def lines(ds):
    out = []
    for e in ds:
        out.append(" ".join(str(x) for x in e) if isinstance(e, tuple) else str(e))
    return out


words = tf.data.Dataset.from_tensor_slices(["hello world", "hello China", "hello Beijing"])
cases["map_split"] = lines(words.map(lambda x: tf.strings.split(x, " ")))
cases["flat_map"] = lines(words.flat_map(lambda x: tf.data.Dataset.from_tensor_slices(tf.strings.split(x, " "))))
cases["interleave_cycle3"] = lines(words.interleave(
    lambda x: tf.data.Dataset.from_tensor_slices(tf.strings.split(x, " ")), cycle_length=3))
cases["interleave_cycle2_block2"] = lines(tf.data.Dataset.range(5).interleave(
    lambda x: tf.data.Dataset.range(x * 10, x * 10 + x + 1), cycle_length=2, block_length=2))
cases["filter_regex"] = lines(words.filter(lambda x: tf.strings.regex_full_match(x, ".*[a|B].*")))
cases["zip_numpy"] = [" ".join(str(v.numpy()) for v in e) for e in tf.data.Dataset.zip(
    (tf.data.Dataset.range(0, 3), tf.data.Dataset.range(3, 6), tf.data.Dataset.range(6, 9)))]
cases["concatenate"] = lines(tf.data.Dataset.range(0, 3).concatenate(tf.data.Dataset.range(3, 6)))
cases["reduce"] = [repr(tf.data.Dataset.from_tensor_slices([1, 2, 3, 4, 5.0]).reduce(0.0, lambda x, y: tf.add(x, y)))]
cases["batch"] = lines(tf.data.Dataset.range(12).batch(4))
cases["batch_remainder"] = lines(tf.data.Dataset.range(10).batch(4))
cases["batch_drop_remainder"] = lines(tf.data.Dataset.range(10).batch(4, drop_remainder=True))
elements = [[1, 2], [3, 4, 5], [6, 7], [8]]
ragged = tf.data.Dataset.from_generator(lambda: iter(elements), tf.int32)
cases["padded_batch"] = lines(ragged.padded_batch(2, padded_shapes=[4, ]))
cases["padded_batch_largest"] = lines(tf.data.Dataset.from_generator(
    lambda: iter(elements), output_signature=tf.TensorSpec([None], tf.int32)).padded_batch(3, padding_values=-1))
cases["window_flat_map"] = lines(tf.data.Dataset.range(12).window(3, shift=1).flat_map(
    lambda x: x.batch(3, drop_remainder=True)))
cases["window_stride"] = lines(tf.data.Dataset.range(10).window(3, shift=2, stride=2).flat_map(lambda x: x.batch(3)))
cases["repeat"] = lines(tf.data.Dataset.range(3).repeat(3))
cases["shard"] = lines(tf.data.Dataset.range(12).shard(3, index=1))
cases["take_skip"] = lines(tf.data.Dataset.range(12).skip(4).take(3))
cases["unbatch"] = lines(tf.data.Dataset.range(7).batch(3).unbatch())
cases["enumerate"] = lines(tf.data.Dataset.from_tensor_slices(["a", "b"]).enumerate(5))
cases["map_pair"] = lines(tf.data.Dataset.from_tensor_slices(([1.0, 2.0, 3.0], [10, 20, 30])).map(
    lambda x, y: (x * 2.0, y + 1)).batch(2))
cases["map_parallel_ordered"] = lines(tf.data.Dataset.range(20).map(lambda x: x * x, num_parallel_calls=4).batch(10))
cases["from_tensor_slices_matrix_tuple"] = lines(tf.data.Dataset.from_tensor_slices(
    (tf.constant([[5.1, 3.5, 1.4, 0.2], [4.9, 3.0, 1.4, 0.2], [5.0, 3.6, 1.4, 0.2]], tf.float64),
     tf.constant([0, 0, 1], tf.int64))))
cases["text_line_skip"] = lines(tf.data.TextLineDataset(
    filenames=["titanic/train.csv", "titanic/test.csv"]).skip(1).take(5))
files = tf.data.Dataset.list_files("titanic/*.csv", shuffle=False)
cases["list_files_sorted"] = lines(files)
cases["files_flat_map"] = lines(files.flat_map(lambda x: tf.data.TextLineDataset(x).skip(1)).take(4))
cases["files_interleave"] = lines(files.interleave(lambda x: tf.data.TextLineDataset(x).skip(1), cycle_length=2).take(8))
cases["scan_running_sum"] = lines(tf.data.Dataset.range(6).scan(
    tf.constant(0, tf.int64), lambda state, x: (state + x, state * 10 + x)))
cases["unique"] = lines(tf.data.Dataset.from_tensor_slices([3, 1, 3, 2, 1, 5]).unique())
cases["choose_from_datasets"] = lines(tf.data.Dataset.choose_from_datasets(
    [tf.data.Dataset.range(0, 3), tf.data.Dataset.range(10, 13)], tf.data.Dataset.from_tensor_slices(
        tf.constant([0, 1, 1, 0, 0, 1, 1], tf.int64)), stop_on_empty_dataset=False))
cases["group_by_window"] = lines(tf.data.Dataset.range(10).group_by_window(
    key_func=lambda x: x % 3, reduce_func=lambda key, window: window.batch(2), window_size=2))
seqs = [[1], [2, 2, 2], [3, 3], [4, 4, 4, 4, 4], [5], [6, 6, 6, 6], [7, 7]]
seq_ds = tf.data.Dataset.from_generator(lambda: iter(seqs), output_signature=tf.TensorSpec([None], tf.int32))
cases["bucket_by_sequence_length"] = lines(seq_ds.bucket_by_sequence_length(
    lambda x: tf.shape(x)[0], bucket_boundaries=[2, 4], bucket_batch_sizes=[2, 2, 2]))
cases["bucket_pad_to_boundary"] = lines(seq_ds.take(3).bucket_by_sequence_length(
    lambda x: tf.shape(x)[0], bucket_boundaries=[2, 5], bucket_batch_sizes=[2, 2, 2], pad_to_bucket_boundary=True))
cases["rebatch"] = lines(tf.data.Dataset.range(10).batch(4).rebatch(3))
cases["take_while"] = lines(tf.data.Dataset.range(10).take_while(lambda x: x < 4))
table = tf.constant([10, 11, 12])
cases["ignore_errors"] = lines(tf.data.Dataset.from_tensor_slices([0, 5, 1, 7, 2]).map(
    lambda i: tf.gather(table, i)).ignore_errors())
cases["element_specs"] = [str(tf.data.Dataset.range(12).batch(4).element_spec),
                          str(tf.data.Dataset.range(12).batch(4, drop_remainder=True).element_spec),
                          str(words.map(lambda x: tf.strings.split(x, " ")).element_spec),
                          str(tf.data.Dataset.from_tensor_slices(([1.0], [1])).element_spec)]
cases["cardinalities"] = [int(d.cardinality()) for d in [
    tf.data.Dataset.range(12), tf.data.Dataset.range(12).batch(5), tf.data.Dataset.range(12).batch(5, True),
    tf.data.Dataset.range(12).repeat(), tf.data.Dataset.range(12).repeat().take(7), tf.data.Dataset.range(12).filter(
        lambda x: x > 3), tf.data.Dataset.range(12).shard(5, 1), tf.data.Dataset.range(12).skip(20),
    tf.data.Dataset.range(3, 20, 4), tf.data.Dataset.range(12).concatenate(tf.data.Dataset.range(2))]]
print(json.dumps(cases, indent=1))
