/** The signal region and its sidebands, and the classifier baselines (idealized, supervised, CWoLa) trained as two samples. */
package org.anomalia.events.baselines;
