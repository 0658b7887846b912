/**
 * The LHCO-like dijet generator: QCD background over the mjj range with an injected resonance;
 * jet substructure calibrated on the real LHCO R&D signal region ({@code lhco}, default) or the first toy ({@code toy}).
 */
package org.anomalia.events.generate;
