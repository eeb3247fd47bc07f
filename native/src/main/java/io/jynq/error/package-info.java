/**
 * JYNQ's exception root ({@link io.jynq.error.JynqException}), the places an error can name
 * ({@link io.jynq.error.SourcePosition} and the others of {@link io.jynq.error.JynqException.Place})
 * and the one type of hardware timeout ({@link io.jynq.error.HardwareTimeoutException}). In the
 * lowest module so that every layer's exceptions share them; imports only the JDK.
 */
package io.jynq.error;
