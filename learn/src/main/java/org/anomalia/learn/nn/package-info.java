/** Network layers on the tape: linear, masked linear, batch norm, dropout, activations, and MLPs built from them. */
package org.anomalia.learn.nn;
