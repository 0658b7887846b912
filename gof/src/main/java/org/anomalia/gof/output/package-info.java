/** What a goodness-of-fit run writes: the summary table, report.html, results.json and the atomic output directory. */
package org.anomalia.gof.output;
