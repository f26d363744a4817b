"""Keras 3.15's image_dataset_from_directory on ../shared/data/cifar2/test, unshuffled (its shuffled order
is NumPy's and tf.data's), for ImageDatasetsTest: the printed lines, the batch count, and per case the first
batch's shapes, dtypes, labels and the images' sum and first values."""
import contextlib, io, json, sys
import numpy as np
import keras

DIR = sys.argv[1] if len(sys.argv) > 1 else '../../../../../../shared/data/cifar2/test'
out = {}
cases = {
    'int': dict(),
    'categorical_32': dict(label_mode='categorical', image_size=(32, 32)),
    'binary_val': dict(label_mode='binary', image_size=(20, 24), validation_split=0.25, subset='validation'),
    'train_nearest': dict(image_size=(16, 16), validation_split=0.25, subset='training', interpolation='nearest',
                          batch_size=50),
}
for name, kw in cases.items():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        ds = keras.utils.image_dataset_from_directory(DIR, shuffle=False, **kw)
    x, y = next(iter(ds))
    x, y = x.numpy(), y.numpy()
    out[name] = {'printed': buf.getvalue().strip().split('\n'), 'batches': int(ds.cardinality()),
                 'class_names': ds.class_names, 'x_shape': list(x.shape), 'x_dtype': str(x.dtype),
                 'y_shape': list(y.shape), 'y_dtype': str(y.dtype), 'y': [float(v) for v in y.reshape(-1)],
                 'x_sum': float(x.astype(np.float64).sum()), 'x_first': [float(v) for v in x.reshape(-1)[:12]]}
with open('image_datasets.json', 'w') as f:
    json.dump(out, f, indent=1)
print(json.dumps({k: (v['printed'], v['batches'], v['x_shape'], v['y_dtype']) for k, v in out.items()}))
