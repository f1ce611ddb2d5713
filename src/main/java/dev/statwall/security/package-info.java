/**
 * Who may watch and who may change: the security modes ({@code open}, {@code users},
 * {@code oidc}), the login page and the command that hashes a password.
 */
@NullMarked
package dev.statwall.security;

import org.jspecify.annotations.NullMarked;
