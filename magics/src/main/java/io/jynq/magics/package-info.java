/**
 * Notebook magics, one {@code XxxMagic} per magic, registered by the kernel. May import the
 * overlay layer; never imports {@code io.jynq.kernel}.
 */
package io.jynq.magics;
