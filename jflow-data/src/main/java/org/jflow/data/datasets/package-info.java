/**
 * {@code keras.datasets}: loaders that read the standard distribution files of MNIST, Fashion-MNIST
 * (IDX) and CIFAR-10 (its binary version) from a folder, by default {@code ~/.jflow/datasets/<name>},
 * and return Keras' {@code (x_train, y_train), (x_test, y_test)} as a {@link org.jflow.data.datasets.TrainTestArrays}
 * record. Nothing here downloads: a missing file is a NotFoundError that names it.
 */
package org.jflow.data.datasets;
