@NullMarked
package dev.statwall.wire;

import org.jspecify.annotations.NullMarked;
