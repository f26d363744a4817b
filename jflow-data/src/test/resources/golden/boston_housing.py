"""Golden values for LoadersTest's boston_housing case: a small synthetic ../datasets/boston_housing.npz (x: 23
rows of 13 float64, y: 23 float64) written here, and Keras 3.15's load_data on it with test_split 0.3
and seed 7; Keras' own load_data runs, with its download (get_file) pointed at that file.
Run from this folder: python boston_housing.py > boston_housing.json"""
import json
import os

import numpy as np
from keras.src.datasets import boston_housing

x = np.arange(23 * 13, dtype=np.float64).reshape(23, 13) / 7.0
y = np.arange(23, dtype=np.float64) * 1.5 + 10
np.savez("../datasets/boston_housing.npz", x=x, y=y)
boston_housing.get_file = lambda *args, **kwargs: os.path.abspath("../datasets/boston_housing.npz")
(x_train, y_train), (x_test, y_test) = boston_housing.load_data(test_split=0.3, seed=7)
print(json.dumps({"x_train": x_train.tolist(), "y_train": y_train.tolist(), "x_test": x_test.tolist(),
                  "y_test": y_test.tolist()}))
