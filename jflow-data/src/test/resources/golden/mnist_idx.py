"""Golden values for LoadersTest: MNIST's t10k IDX files decoded with NumPy as Keras' fashion_mnist
loader does (gzip, np.frombuffer past the 16- and 8-byte headers). Run from this folder:
    python mnist_idx.py /work/shared/data/mnist > mnist_idx.json"""
import gzip
import json
import sys

import numpy as np

folder = sys.argv[1]
with gzip.open(folder + "/t10k-labels-idx1-ubyte.gz", "rb") as f:
    labels = np.frombuffer(f.read(), np.uint8, offset=8)
with gzip.open(folder + "/t10k-images-idx3-ubyte.gz", "rb") as f:
    images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(len(labels), 28, 28)
print(json.dumps({
    "images_shape": list(images.shape),
    "labels_shape": list(labels.shape),
    "labels_first_20": labels[:20].tolist(),
    "label_counts": np.bincount(labels).tolist(),
    "pixel_sum": int(images.astype(np.int64).sum()),
    "image_0_row_14": images[0, 14].tolist(),
    "image_9999_row_10": images[9999, 10].tolist(),
}, indent=1))
