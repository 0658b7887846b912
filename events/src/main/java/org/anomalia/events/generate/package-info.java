/** The LHCO-like toy dijet generator: QCD background over the mjj range with an injected resonance. */
package org.anomalia.events.generate;
