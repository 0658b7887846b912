/** HTML reports with PNG plots, tables and histograms, written beside the JSON outputs. */
package org.anomalia.report;
