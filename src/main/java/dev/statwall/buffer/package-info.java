@NullMarked
package dev.statwall.buffer;

import org.jspecify.annotations.NullMarked;
