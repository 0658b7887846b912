/**
 * Seed 001's significance study: S/√(S+B) in a signal region after cuts on unsupervised anomaly
 * scores (AE with each loss, VAE, flow, CATHODE), for several input sets, AE depths and latent sizes
 * and seeds ({@link org.anomalia.events.study.SignificanceStudy}); study.json and report.html
 * ({@link org.anomalia.events.study.StudyOutput}).
 */
package org.anomalia.events.study;
