/** HDF5 tables through jhdf: plain datasets, compound types and pandas fixed/table layouts. */
package org.anomalia.data.hdf5;
