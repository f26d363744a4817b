"""Keras 3.15's image_dataset_from_directory on ../shared/data/cifar2/test with seed 7, 8x8 images and
the validation subset of a 0.2 split, for ImageDatasetsTest: every label in order (NumPy's seeded
RandomState shuffle of the files, then tf.data's seeded shuffle) and the first batch's pixel sum.
Run from this folder: python image_datasets_seeded.py [DIR] > image_datasets_seeded.json"""
import contextlib
import io
import json
import sys

import numpy as np
import keras

DIR = sys.argv[1] if len(sys.argv) > 1 else '../../../../../../shared/data/cifar2/test'
with contextlib.redirect_stdout(io.StringIO()):
    ds = keras.utils.image_dataset_from_directory(DIR, image_size=(8, 8), seed=7, validation_split=0.2,
                                                  subset='validation')
labels, first_sum = [], None
for x, y in ds:
    if first_sum is None:
        first_sum = float(x.numpy().astype(np.float64).sum())
    labels += [int(v) for v in y.numpy()]
print(json.dumps({'labels': labels, 'first_batch_sum': first_sum}))
