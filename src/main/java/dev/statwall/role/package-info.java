@NullMarked
package dev.statwall.role;

import org.jspecify.annotations.NullMarked;
