/**
 * Toys with exactly known smeared likelihoods (quadrature over the non-linear parameters, the linear
 * ones integrated in closed form), to test p-values against: {@link org.anomalia.gof.toys.ExactToys}
 * holds a banana-shaped one, a bounded/ratio one with narrow errors and one with twelve observables.
 * Shared by the tests of every null model. The classes named *Measurement are not checks: they print
 * the numbers behind tables of the gof README and run only when their system property is set.
 */
package org.anomalia.gof.toys;
