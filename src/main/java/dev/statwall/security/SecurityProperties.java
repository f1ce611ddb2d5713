package dev.statwall.security;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.statwall.role.InvalidConfigurationException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may watch and who may change.
 *
 * @param mode {@code open} (anyone who reaches the port watches; a hub's admin actions need its
 * token), {@code users} (the configured users sign in) or {@code oidc} (people sign in with an
 * OpenID Connect provider; configured users may still use HTTP Basic, for scrapers and scripts)
 * @param users the users of {@code users} mode, and HTTP Basic users of {@code oidc} mode
 * @param oidc how an OpenID Connect login becomes an admin
 */
@ConfigurationProperties("statwall.security")
public record SecurityProperties(@DefaultValue("open") Mode mode, @DefaultValue List<User> users,
		@DefaultValue Oidc oidc) {

	/** A bcrypt hash, bare or with Spring's {@code {bcrypt}} prefix: $2a$, $2b$ or $2y$, cost, 53 characters. */
	static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt\\})?\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	public SecurityProperties {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < users.size(); i++) {
			User user = users.get(i);
			String key = "statwall.security.users[" + i + "]";
			if (user.name() == null || !NAME.matcher(user.name()).matches()) {
				throw new InvalidConfigurationException(key + ".name",
						"a user needs a name of letters, digits, '.', '_', '@' or '-', at most 64, was '" + user.name() + "'");
			}
			if (!names.add(user.name().toLowerCase(Locale.ROOT))) {
				throw new InvalidConfigurationException(key + ".name", "'" + user.name() + "' is listed twice");
			}
			if (user.password() == null || !BCRYPT.matcher(user.password()).matches()) {
				throw new InvalidConfigurationException(key + ".password", "must be a bcrypt hash ($2a$..., $2b$..., $2y$... "
						+ "or {bcrypt}$2a$...), never the password itself; make one with 'java -jar statwall.jar hash-password'");
			}
		}
		if (mode == Mode.USERS && users.isEmpty()) {
			throw new InvalidConfigurationException("statwall.security.users",
					"statwall.security.mode=users needs at least one user (name, password as a bcrypt hash, role)");
		}
	}

	/** How statwall decides who may watch and who may change. */
	public enum Mode {

		/** No logins: anyone who reaches the port watches; a hub's admin actions need its token. */
		OPEN,

		/** The users in {@code statwall.security.users} sign in: a form for browsers, HTTP Basic for the rest. */
		USERS,

		/** People sign in with an OpenID Connect provider; configured users may use HTTP Basic. */
		OIDC

	}

	/** What a user may do. */
	public enum Role {

		/** Watches: pages, the read API, the live channel, Prometheus. */
		VIEWER,

		/** Watches and changes: forgets nodes, and every later change. */
		ADMIN

	}

	/**
	 * One user.
	 *
	 * @param name what they sign in with
	 * @param password a bcrypt hash of their password ({@code java -jar statwall.jar hash-password}
	 * makes one); a plain password is refused at start-up
	 * @param role {@code viewer} or {@code admin}
	 */
	public record User(@Nullable String name, @Nullable String password, @DefaultValue("viewer") Role role) {

		/** Never prints the hash. */
		@Override
		public String toString() {
			return "User[name=" + this.name + ", password=***, role=" + this.role + "]";
		}

	}

	/**
	 * How an OpenID Connect login becomes an admin; everyone the provider lets sign in to statwall
	 * is a viewer.
	 *
	 * @param adminClaim the claim of the ID token or user info that names the user's groups or
	 * roles; a dotted path such as {@code realm_access.roles} reaches into an object
	 * @param adminValues a user is an admin when the claim is, or contains, one of these
	 */
	public record Oidc(@DefaultValue("groups") String adminClaim, @DefaultValue("statwall-admin") List<String> adminValues) {
	}

}
