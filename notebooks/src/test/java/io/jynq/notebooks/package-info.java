/** ITs that execute the tutorials in this folder through the real kernel and Jupyter client. */
package io.jynq.notebooks;
