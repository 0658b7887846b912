/** Conditional densities of the features given the resonant variable: ANODE, CATHODE, their flow settings and the mass KDE. */
package org.anomalia.events.density;
