/**
 * The goodness-of-fit job and its statistical core: options, the analysis pipeline (baseline χ²,
 * smearing, split, the exact marginal likelihood and its null without data, null-model p-values,
 * calibration checks), the headline answer ({@code --method}, the auto rule) and the cross-check,
 * its result records, the file split for the marginal's integration set, and per-step seeds.
 */
package org.anomalia.gof;
