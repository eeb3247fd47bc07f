/** JMH benchmarks of the remote backend against a board server on loopback ({@code ./jynq bench remote}). */
package io.jynq.bench.remote;
