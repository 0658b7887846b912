/** Numerical foundations shared by every layer; here UserException, the one kind of error a user can fix. */
package org.anomalia.numerics;
