/** The learning engine's matrices and kernels: matmul and elementwise kernels (plain and Vector API), their threads, and Adam's update. */
package org.anomalia.learn;
