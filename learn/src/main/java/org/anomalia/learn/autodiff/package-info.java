/** Reverse-mode automatic differentiation: a tape of tensor operations and their backward passes. */
package org.anomalia.learn.autodiff;
