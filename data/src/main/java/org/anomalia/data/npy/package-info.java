/** NumPy .npy arrays (versions 1-3, f4/f8, C or Fortran order): reading and atomic writing. */
package org.anomalia.data.npy;
