/**
 * Training loops: the immutable TrainConfig, epochs with validation and best-epoch snapshots, divergence checks, models trained
 * side by side.
 */
package org.anomalia.learn.train;
