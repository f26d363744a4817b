"""TensorFlow 2.21's side of bench/data (CPU, 2 threads): the same tf.data cases as
org.jflow.bench.DataBench, one line each: case<TAB>seconds. Arguments filter the cases by substring.
Each case runs twice and the faster run counts (the first also warms up tracing)."""
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import tensorflow as tf  # noqa: E402

tf.config.threading.set_intra_op_parallelism_threads(2)
tf.config.threading.set_inter_op_parallelism_threads(2)
AUTOTUNE = tf.data.AUTOTUNE
DATA = sys.argv[1]
FILTERS = sys.argv[2:]
PREPARE, STEP, ITEMS = 0.02, 0.01, 10  # the tutorial's 2 s and 1 s, scaled down


def best_of_two(fn):
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def slow_generator():
    for i in range(ITEMS):
        time.sleep(PREPARE)
        yield i


def train(ds):
    for _ in ds:
        time.sleep(STEP)


def cpu_bound(x):
    # a few thousand flops per element, as an image decode or a feature transform costs
    v = tf.cast(tf.range(4096), tf.float32) * tf.cast(x, tf.float32) * 1e-4
    return tf.reduce_sum(tf.sin(v) * tf.cos(v))


def consume(ds):
    for _ in ds:
        pass


def cifar2_tfrecords():
    """The tutorial's create_tfrecords over cifar2/test, as DataBench writes it."""
    import tempfile
    out = tempfile.NamedTemporaryFile(suffix=".tfrecords", delete=False).name
    folder = os.path.join(DATA, "cifar2", "test")
    with tf.io.TFRecordWriter(out) as w:
        for label, name in enumerate(sorted(os.listdir(folder))):
            for image in sorted(os.listdir(os.path.join(folder, name))):
                raw = open(os.path.join(folder, name, image), "rb").read()
                w.write(tf.train.Example(features=tf.train.Features(feature={
                    "label": tf.train.Feature(int64_list=tf.train.Int64List(value=[label])),
                    "img_raw": tf.train.Feature(bytes_list=tf.train.BytesList(value=[raw]))})).SerializeToString())
    return out


TFRECORDS = cifar2_tfrecords()
FEATURES = {"label": tf.io.FixedLenFeature([], tf.int64), "img_raw": tf.io.FixedLenFeature([], tf.string)}
generated = tf.data.Dataset.from_generator(slow_generator, output_types=tf.int32)
files = tf.data.Dataset.list_files(DATA + "/titanic/*.csv", shuffle=False)
numbers = tf.data.Dataset.range(10000)
cases = {
    "prefetch: serial": lambda: train(generated),
    "prefetch: prefetch(AUTOTUNE)": lambda: train(generated.prefetch(AUTOTUNE)),
    "interleave: flat_map files": lambda: consume(files.flat_map(lambda f: tf.data.TextLineDataset(f).skip(1))),
    "interleave: interleave files": lambda: consume(files.interleave(lambda f: tf.data.TextLineDataset(f).skip(1),
                                                                    num_parallel_calls=AUTOTUNE)),
    "map 10000 cpu-bound: sequential": lambda: consume(numbers.map(cpu_bound)),
    "map 10000 cpu-bound: parallel(AUTOTUNE)": lambda: consume(numbers.map(cpu_bound, num_parallel_calls=AUTOTUNE)),
    "cache: 3 epochs without": lambda: [consume(generated.take(5)) for _ in range(3)],
    "cache: 3 epochs with cache()": lambda: (lambda ds: [consume(ds) for _ in range(3)])(generated.take(5).cache()),
    "vectorize: map then batch(20)": lambda: consume(tf.data.Dataset.range(100000).map(lambda x: x ** 2).batch(20)),
    "vectorize: batch(20) then map": lambda: consume(tf.data.Dataset.range(100000).batch(20).map(lambda x: x ** 2)),
    "tfrecord: map(parse) cifar2 x5": lambda: consume(tf.data.TFRecordDataset(TFRECORDS).repeat(5).map(
        lambda x: tf.io.parse_single_example(x, FEATURES))),
    "tfrecord: batch(100).map(parse) cifar2 x5": lambda: consume(
        tf.data.TFRecordDataset(TFRECORDS).repeat(5).batch(100).map(lambda x: tf.io.parse_example(x, FEATURES))),
    # the image pipeline: cifar2 JPEG folder -> read -> decode -> resize 64x64 -> batch 100
    "jpeg: cifar2 test decode+resize(64) batch(100)": lambda: consume(
        tf.data.Dataset.list_files(DATA + "/cifar2/test/*/*.jpg", shuffle=False).map(
            lambda p: tf.image.resize(tf.io.decode_jpeg(tf.io.read_file(p), channels=3), [64, 64]),
            num_parallel_calls=AUTOTUNE).batch(100)),
}
for name, fn in cases.items():
    if FILTERS and not any(f in name for f in FILTERS):
        continue
    print(f"{name}\t{best_of_two(fn):.4f}", flush=True)
os.remove(TFRECORDS)
