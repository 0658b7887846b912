/** Named-column tables of events and the one entry point that reads and writes them by file extension. */
package org.anomalia.data;
