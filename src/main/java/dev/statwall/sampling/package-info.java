@NullMarked
package dev.statwall.sampling;

import org.jspecify.annotations.NullMarked;
