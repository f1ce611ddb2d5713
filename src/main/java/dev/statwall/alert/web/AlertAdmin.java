package dev.statwall.alert.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.statwall.hub.HubProperties;
import dev.statwall.hub.HubToken;
import dev.statwall.security.Access;
import dev.statwall.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Who may silence an alert: with logins ({@code statwall.security.mode} users or oidc) an admin, whom
 * Spring Security has already checked; when open, whoever holds the hub token ({@code statwall.hub.token},
 * also on a standalone node, where without one nobody may). Says who it was.
 */
final class AlertAdmin {

	private final @Nullable HubToken token;

	private final Access access;

	AlertAdmin(HubProperties hub, Access access) {
		this.access = access;
		String secret = hub.token();
		this.token = (secret != null && !secret.isBlank()) ? new HubToken(secret) : null;
	}

	/**
	 * Checks the token, from an {@code Authorization: Bearer} header or htmx's {@code HX-Prompt}.
	 * @return who acted, for the record
	 * @throws ApiException 403 when this node has no token to check against, 401 when it is missing or wrong
	 */
	String authorize(@Nullable String authorization, @Nullable String prompt, @Nullable Principal principal,
			String address) {
		if (!this.access.tokenRequired() && principal != null) {
			return principal.getName();
		}
		HubToken token = this.token;
		if (token == null) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"silencing an alert is an admin action, and this node has no admin token: set statwall.hub.token to allow it");
		}
		boolean allowed = (authorization != null) ? token.authorizes(authorization)
				: token.matches((prompt != null) ? prompt.strip() : null);
		if (!allowed) {
			throw new ApiException(HttpStatus.UNAUTHORIZED,
					"missing or wrong token: silencing an alert needs statwall.hub.token (as 'Authorization: Bearer <token>')");
		}
		return (principal != null) ? principal.getName() : "statwall.hub.token from " + address;
	}

}
