/**
 * The hub over HTTP and the live channel: ingest, the read API, the cluster pages and the overview's
 * live messages. The hub's domain ({@code dev.statwall.hub}) knows none of it: it answers with values
 * and domain exceptions, which {@link dev.statwall.hub.web.ApiAdvice} maps to statuses.
 */
@NullMarked
package dev.statwall.hub.web;

import org.jspecify.annotations.NullMarked;
