@NullMarked
package dev.statwall.simulator;

import org.jspecify.annotations.NullMarked;
