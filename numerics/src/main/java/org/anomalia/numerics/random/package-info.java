/** Seeds: the one way every random step derives its own independent stream from the user's seed. */
package org.anomalia.numerics.random;
