/** The alerts' pages and API: HTTP lives here, the domain in {@code dev.statwall.alert} knows none. */
@NullMarked
package dev.statwall.alert.web;

import org.jspecify.annotations.NullMarked;
