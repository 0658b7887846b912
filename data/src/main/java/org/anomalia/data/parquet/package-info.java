/** Parquet tables through parquet-floor, which brings small Hadoop stand-ins (bin/anomalia puts Spark's real Hadoop before them for --engine spark). */
package org.anomalia.data.parquet;
