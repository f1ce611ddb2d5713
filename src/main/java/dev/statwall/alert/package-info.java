/**
 * Alerts: rules over every node's series, their states (inactive, pending, firing, resolved) kept
 * beside the history, and notifications through Alertmanager, webhooks and email. Depends on
 * series, card (value templates), hub (node status) and sampling; nothing below depends on it.
 */
@NullMarked
package dev.statwall.alert;

import org.jspecify.annotations.NullMarked;
