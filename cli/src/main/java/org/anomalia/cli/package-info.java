/** The {@code anomalia} command line (picocli): one class per command, shared option mixins, and the mapping of errors to exit codes. */
package org.anomalia.cli;
