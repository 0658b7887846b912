/** WorkSharing: numbered work items shared out to a few threads, the first failure stopping them all. */
package org.anomalia.numerics.parallel;
