@NullMarked
package dev.statwall.card;

import org.jspecify.annotations.NullMarked;
