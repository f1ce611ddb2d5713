@NullMarked
package dev.statwall.agent;

import org.jspecify.annotations.NullMarked;
