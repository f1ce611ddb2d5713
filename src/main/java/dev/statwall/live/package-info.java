@NullMarked
package dev.statwall.live;

import org.jspecify.annotations.NullMarked;
