/** CSV tables: reading (FastCSV, header or --names) and atomic writing. */
package org.anomalia.data.csv;
