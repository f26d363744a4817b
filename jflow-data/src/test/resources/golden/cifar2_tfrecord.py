"""The TF side of TFRecordDatasetTest, run by the test through the Python oracle (both directions in one run):
reads the TFRecord file JFlow wrote (argv[1], compression argv[2]) with TF 2.21, parsing each Example as the
tutorial's reader does ('label' int64, 'img_raw' JPEG bytes, decoded to check the shape), and prints a JSON
summary; then writes the tutorial's create_tfrecords output for the cifar2 folder argv[3] (class folders sorted,
label = folder index, files sorted) to argv[4] with GZIP compression for JFlow to read back.
    ~/.cache/jflow-python-oracle/bin/python cifar2_tfrecord.py jflow.tfrecord "" ../shared/data/cifar2/test tf.tfrecord.gz"""
import hashlib
import json
import os
import sys

import tensorflow as tf

jflow_file, compression, folder, tf_file = sys.argv[1:5]
features = {"label": tf.io.FixedLenFeature([], tf.int64), "img_raw": tf.io.FixedLenFeature([], tf.string)}
labels, digest, shapes = [], hashlib.sha256(), set()
for record in tf.data.TFRecordDataset(jflow_file, compression_type=compression):
    example = tf.io.parse_single_example(record, features)
    labels.append(int(example["label"]))
    raw = example["img_raw"].numpy()
    digest.update(raw)
    shapes.add(str(tuple(tf.io.decode_jpeg(raw).shape)))
print(json.dumps({"count": len(labels), "labels": labels, "sha256": digest.hexdigest(), "shapes": sorted(shapes)}))

with tf.io.TFRecordWriter(tf_file, tf.io.TFRecordOptions(compression_type="GZIP")) as writer:
    for index, name in enumerate(sorted(os.listdir(folder))):
        for image in sorted(os.listdir(os.path.join(folder, name))):
            raw = open(os.path.join(folder, name, image), "rb").read()
            writer.write(tf.train.Example(features=tf.train.Features(feature={
                "label": tf.train.Feature(int64_list=tf.train.Int64List(value=[index])),
                "img_raw": tf.train.Feature(bytes_list=tf.train.BytesList(value=[raw]))})).SerializeToString())
