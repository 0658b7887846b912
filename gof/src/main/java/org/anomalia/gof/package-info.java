/**
 * The goodness-of-fit job and its statistical core: options, the analysis pipeline (baseline χ²,
 * smearing, split, null-model p-values, calibration checks), its result records and per-step seeds.
 */
package org.anomalia.gof;
