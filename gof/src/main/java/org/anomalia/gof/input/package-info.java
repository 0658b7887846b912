/** Inputs of a goodness-of-fit run: the problem (measurement, Λexp, theory samples), the built-in LHCb 2020 case and theory sample files/sources. */
package org.anomalia.gof.input;
