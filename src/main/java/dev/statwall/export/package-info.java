@NullMarked
package dev.statwall.export;

import org.jspecify.annotations.NullMarked;
