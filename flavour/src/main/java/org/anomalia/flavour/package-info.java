/** b→sℓℓ physics vocabulary shared by the flavour packages: observables, q² bins, parameter points and new-physics Wilson coefficients. */
package org.anomalia.flavour;
