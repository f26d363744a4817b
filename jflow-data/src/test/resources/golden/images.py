"""TF 2.21's image decoding, resizing and colour ops on small fixtures, for ImageOpsTest.

Run with the Python oracle from this folder: writes images/*.{png,bmp,gif,jpg} (fixtures the test decodes)
and images.json (TF's results: shape and flat values, or the error class and message).
"""
import json, io, os, re
import numpy as np
import tensorflow as tf
from PIL import Image

rng = np.random.default_rng(14)
os.makedirs('images', exist_ok=True)
out = {}

def save(name, pil, **kw):
    pil.save('images/' + name, **kw)
    return open('images/' + name, 'rb').read()

def rec(key, fn):
    try:
        t = fn()
        a = t.numpy()
        out[key] = {'shape': list(a.shape), 'dtype': t.dtype.name,
                    'values': [float(v) for v in a.reshape(-1)] if a.dtype != object else None}
    except Exception as e:
        out[key] = {'error': type(e).__name__, 'message': re.sub(r'^\{\{function_node [^}]*\}\} ', '', str(e).split('[Op:')[0].strip())}

rgb = rng.integers(0, 256, (7, 9, 3), dtype=np.uint8)
rgba = rng.integers(0, 256, (5, 6, 4), dtype=np.uint8)
gray = rng.integers(0, 256, (6, 5), dtype=np.uint8)
gray16 = rng.integers(0, 65536, (4, 3), dtype=np.uint16)
rgb16 = rng.integers(0, 65536, (3, 4, 3), dtype=np.uint16)
files = {
    'rgb.png': save('rgb.png', Image.fromarray(rgb)),
    'rgba.png': save('rgba.png', Image.fromarray(rgba)),
    'gray.png': save('gray.png', Image.fromarray(gray)),
    'gray16.png': save('gray16.png', Image.fromarray(gray16)),
    'palette.png': save('palette.png', Image.fromarray(rgb).quantize(7)),
    'rgb.bmp': save('rgb.bmp', Image.fromarray(rgb)),
    'rgb.jpg': save('rgb.jpg', Image.fromarray(rgb), quality=90),
    'gray.jpg': save('gray.jpg', Image.fromarray(gray), quality=90),
}
# 16-bit RGB PNG, written by TF (PIL cannot)
files['rgb16.png'] = tf.io.encode_png(tf.constant(rgb16)).numpy()
open('images/rgb16.png', 'wb').write(files['rgb16.png'])
frames = [Image.fromarray(rng.integers(0, 256, (4, 5, 3), dtype=np.uint8)).quantize(16) for _ in range(3)]
frames[0].save('images/anim.gif', save_all=True, append_images=frames[1:], duration=50, loop=0)
files['anim.gif'] = open('images/anim.gif', 'rb').read()

for name in ['rgb.png', 'rgba.png', 'gray.png', 'palette.png']:
    for c in [0, 1, 3, 4]:
        rec(f'decode_png/{name}/{c}', lambda: tf.io.decode_png(files[name], channels=c))
for name in ['gray16.png', 'rgb16.png']:
    for c in [0, 1, 3]:
        rec(f'decode_png/{name}/{c}', lambda: tf.io.decode_png(files[name], channels=c))
rec('decode_bmp/rgb.bmp/0', lambda: tf.io.decode_bmp(files['rgb.bmp']))
rec('decode_bmp/rgb.bmp/4', lambda: tf.io.decode_bmp(files['rgb.bmp'], channels=4))
rec('decode_gif/anim.gif', lambda: tf.io.decode_gif(files['anim.gif']))
rec('decode_image/anim.gif/noexpand', lambda: tf.io.decode_image(files['anim.gif'], expand_animations=False))
rec('decode_image/anim.gif', lambda: tf.io.decode_image(files['anim.gif']))
rec('decode_image/rgb.png', lambda: tf.io.decode_image(files['rgb.png'], channels=3))
rec('decode_image/gray.jpg', lambda: tf.io.decode_image(files['gray.jpg']))
for name in ['rgb.jpg', 'gray.jpg']:
    for c in [0, 1, 3]:
        rec(f'decode_jpeg/{name}/{c}', lambda: tf.io.decode_jpeg(files[name], channels=c, dct_method='INTEGER_ACCURATE'))
    rec(f'extract_jpeg_shape/{name}', lambda: tf.io.extract_jpeg_shape(files[name]))

# Bad input: TF's error class and text.
jpg = files['rgb.jpg']
def huge_jpeg():  # SOF0 claims 60000 x 60000
    b = bytearray(jpg); i = b.index(b'\xff\xc0')
    b[i + 5:i + 9] = (60000).to_bytes(2, 'big') + (60000).to_bytes(2, 'big')
    return bytes(b)
def huge_png():  # IHDR claims 100000 x 100000
    b = bytearray(files['rgb.png']); b[16:24] = (100000).to_bytes(4, 'big') * 2
    return bytes(b)
bad = {'truncated.jpg': jpg[:len(jpg) // 2], 'huge.jpg': huge_jpeg(), 'huge.png': huge_png(),
       'truncated.png': files['rgb.png'][:40], 'empty': b'', 'text': b'hello world, not an image',
       'truncated.gif': files['anim.gif'][:30], 'truncated.bmp': files['rgb.bmp'][:60]}
for k, v in bad.items():
    open('images/bad_' + k, 'wb').write(v)
    rec(f'bad/decode_image/{k}', lambda: tf.io.decode_image(v))
rec('bad/decode_jpeg/truncated.jpg', lambda: tf.io.decode_jpeg(bad['truncated.jpg']))
rec('bad/decode_png/truncated.png', lambda: tf.io.decode_png(bad['truncated.png']))
rec('bad/decode_png/text', lambda: tf.io.decode_png(bad['text']))
rec('bad/decode_jpeg/text', lambda: tf.io.decode_jpeg(bad['text']))
rec('bad/extract_jpeg_shape/text', lambda: tf.io.extract_jpeg_shape(bad['text']))

# Resize: every method, down and up, antialias both ways, on a float image and a uint8 batch.
img = rng.uniform(0, 1, (1, 7, 9, 3)).astype(np.float32)
out['resize_input'] = {'shape': list(img.shape), 'values': [float(v) for v in img.reshape(-1)]}
u8 = tf.constant(rgb[None])
for m in ['bilinear', 'nearest', 'bicubic', 'area', 'lanczos3', 'lanczos5', 'gaussian', 'mitchellcubic']:
    for size in [(4, 5), (11, 13), (7, 4)]:
        for aa in [False, True]:
            rec(f'resize/{m}/{size[0]}x{size[1]}/{aa}', lambda: tf.image.resize(img, size, method=m, antialias=aa))
    rec(f'resize_u8/{m}', lambda: tf.image.resize(u8, (5, 6), method=m))
rec('resize/bilinear/preserve', lambda: tf.image.resize(img, (4, 4), preserve_aspect_ratio=True))
rec('resize_with_pad', lambda: tf.image.resize_with_pad(img, 8, 8))
rec('resize_with_crop_or_pad/small', lambda: tf.image.resize_with_crop_or_pad(img, 4, 12))
rec('resize_with_crop_or_pad/big', lambda: tf.image.resize_with_crop_or_pad(img[0], 10, 6))

# Geometry and colour on a float image x (7, 9, 3) in [0, 1] and on the uint8 image.
x = img[0]
rec('flip_left_right', lambda: tf.image.flip_left_right(x))
rec('flip_up_down', lambda: tf.image.flip_up_down(img))
rec('rot90/1', lambda: tf.image.rot90(x))
rec('rot90/3', lambda: tf.image.rot90(img, 3))
rec('transpose', lambda: tf.image.transpose(x))
rec('central_crop', lambda: tf.image.central_crop(x, 0.5))
rec('crop_to_bounding_box', lambda: tf.image.crop_to_bounding_box(x, 1, 2, 4, 5))
rec('pad_to_bounding_box', lambda: tf.image.pad_to_bounding_box(x, 1, 2, 10, 12))
rec('convert_image_dtype/u8_to_f32', lambda: tf.image.convert_image_dtype(u8, tf.float32))
rec('convert_image_dtype/f32_to_u8', lambda: tf.image.convert_image_dtype(img, tf.uint8))
rec('convert_image_dtype/f32_to_u8_sat', lambda: tf.image.convert_image_dtype(img * 1.5 - 0.2, tf.uint8, saturate=True))
rec('adjust_brightness', lambda: tf.image.adjust_brightness(x, 0.2))
rec('adjust_brightness/u8', lambda: tf.image.adjust_brightness(u8, 0.2))
rec('adjust_contrast', lambda: tf.image.adjust_contrast(x, 1.7))
rec('adjust_contrast/u8', lambda: tf.image.adjust_contrast(u8, 0.6))
rec('adjust_saturation', lambda: tf.image.adjust_saturation(x, 2.5))
rec('adjust_saturation/u8', lambda: tf.image.adjust_saturation(u8, 0.4))
rec('adjust_hue', lambda: tf.image.adjust_hue(x, 0.3))
rec('adjust_hue/neg', lambda: tf.image.adjust_hue(img, -0.45))
rec('adjust_gamma', lambda: tf.image.adjust_gamma(x, 2.2, 1.5))
rec('adjust_gamma/u8', lambda: tf.image.adjust_gamma(u8, 0.5))
rec('rgb_to_grayscale', lambda: tf.image.rgb_to_grayscale(x))
rec('rgb_to_grayscale/u8', lambda: tf.image.rgb_to_grayscale(u8))
rec('grayscale_to_rgb', lambda: tf.image.grayscale_to_rgb(tf.constant(x[..., :1])))
rec('rgb_to_hsv', lambda: tf.image.rgb_to_hsv(x))
hsv = np.stack([rng.uniform(0, 1, (7, 9)), rng.uniform(0, 1, (7, 9)), rng.uniform(0, 1, (7, 9))], -1).astype(np.float32)
out['hsv_input'] = {'shape': list(hsv.shape), 'values': [float(v) for v in hsv.reshape(-1)]}
rec('hsv_to_rgb', lambda: tf.image.hsv_to_rgb(hsv))
rec('per_image_standardization', lambda: tf.image.per_image_standardization(x))
rec('per_image_standardization/u8', lambda: tf.image.per_image_standardization(u8))
# encode_png round trip is checked in Java; TF's bytes for an 8-bit RGB image:
rec('encode_png_decoded', lambda: tf.io.decode_png(tf.io.encode_png(tf.constant(rgb))))

# Gradients of the bilinear resize (ResizeBilinearGrad) for an upstream gradient dy.
for size in [(4, 5), (11, 13)]:
    dy = rng.uniform(-1, 1, (1,) + size + (3,)).astype(np.float32)
    out[f'resize_grad_dy/{size[0]}x{size[1]}'] = {'shape': list(dy.shape), 'values': [float(v) for v in dy.reshape(-1)]}
    def grad():
        xv = tf.constant(img)
        with tf.GradientTape() as tape:
            tape.watch(xv)
            y = tf.image.resize(xv, size)
        return tape.gradient(y, xv, output_gradients=tf.constant(dy))
    rec(f'resize_grad/{size[0]}x{size[1]}', grad)

with open('images.json', 'w') as f:
    json.dump(out, f, indent=0, sort_keys=True)
print(len(out), 'records')
