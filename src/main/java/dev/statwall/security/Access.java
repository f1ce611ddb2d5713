package dev.statwall.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who is looking, for pages ({@code ${@access.mayChange()}}) and for the admin actions of a hub:
 * in {@code open} mode those still need the hub's token, in the other modes an admin.
 */
@Component("access")
public final class Access {

	static final String VIEWER = "ROLE_VIEWER";

	static final String ADMIN = "ROLE_ADMIN";

	private final SecurityProperties.Mode mode;

	public Access(SecurityProperties properties) {
		this.mode = properties.mode();
	}

	/** Whether an admin action must carry {@code statwall.hub.token}: only when nobody signs in. */
	public boolean tokenRequired() {
		return this.mode == SecurityProperties.Mode.OPEN;
	}

	public boolean signedIn() {
		return current() != null;
	}

	/** The signed-in user's name, as their provider spells it; empty when nobody is signed in. */
	public String user() {
		Authentication authentication = current();
		if (authentication == null) {
			return "";
		}
		if (authentication.getPrincipal() instanceof OidcUser oidc) {
			for (String name : new String[] { oidc.getPreferredUsername(), oidc.getFullName(), oidc.getEmail() }) {
				if (name != null && !name.isBlank()) {
					return name;
				}
			}
		}
		return authentication.getName();
	}

	/** Whether the page offers changes (forgetting a node): to admins, and to everyone when open (the token guards them). */
	public boolean mayChange() {
		if (tokenRequired()) {
			return true;
		}
		Authentication authentication = current();
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (ADMIN.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private static @org.jspecify.annotations.Nullable Authentication current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication;
	}

}
