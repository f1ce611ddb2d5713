@NullMarked
package dev.statwall.web;

import org.jspecify.annotations.NullMarked;
