@NullMarked
package dev.statwall.hub;

import org.jspecify.annotations.NullMarked;
