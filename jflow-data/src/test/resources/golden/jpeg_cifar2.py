"""TF 2.21's tf.io.decode_jpeg of 20 cifar2 test JPEGs (the first 10 of each class in sorted order), with
dct_method='INTEGER_ACCURATE' and with the default, as base64 of the uint8 pixels, for JpegDecodingTest."""
import base64, glob, json, sys
import tensorflow as tf

DIR = sys.argv[1] if len(sys.argv) > 1 else '../../../../../../shared/data/cifar2/test'
out = {}
for cls in ['airplane', 'automobile']:
    for p in sorted(glob.glob(f'{DIR}/{cls}/*.jpg'))[:10]:
        key = cls + '/' + p.rsplit('/', 1)[1]
        data = tf.io.read_file(p)
        out[key] = {m or 'default': base64.b64encode(tf.io.decode_jpeg(data, channels=3, dct_method=m).numpy()
                                                     .tobytes()).decode() for m in ['', 'INTEGER_ACCURATE']}
with open('jpeg_cifar2.json', 'w') as f:
    json.dump(out, f, indent=0)
print(len(out))
