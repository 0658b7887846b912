/** The LHC Olympics R&D files: the standard split into signal region, sidebands and evaluation sets. */
package org.anomalia.events.lhco;
