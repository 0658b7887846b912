/** What the events commands share once a score exists: judging it against labels and writing scores.csv, metrics.json and report.html. */
package org.anomalia.events.app;
