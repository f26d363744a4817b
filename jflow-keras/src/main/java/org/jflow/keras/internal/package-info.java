/**
 * Machinery Keras' public packages share, as {@code keras/src/backend} is for Keras 3: so far
 * {@link org.jflow.keras.internal.TensorMath}, the arithmetic of optimizer updates and schedules on
 * the engine's raw ops with explicit dtypes. Keras never calls the {@code tf} facade.
 */
package org.jflow.keras.internal;
