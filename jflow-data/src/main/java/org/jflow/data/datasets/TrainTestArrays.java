package org.jflow.data.datasets;

import org.jflow.Tensor;

/** Keras' {@code (x_train, y_train), (x_test, y_test)}. */
public record TrainTestArrays(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest) {}
