/**
 * Files and the terminal: {@link org.anomalia.numerics.io.AtomicOutput} (the one way every output is
 * written: a temporary sibling with ordinary permissions, moved into place), {@link
 * org.anomalia.numerics.io.OutputPaths} (checks of output and input paths before any work starts) and
 * {@link org.anomalia.numerics.io.Progress} (progress on stderr: live bar on a terminal, whole lines in a log).
 */
package org.anomalia.numerics.io;
