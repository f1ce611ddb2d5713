package dev.statwall.testing;

import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in its own application
 * context on a random port, with a client for statwall and two people. Alice is in the
 * {@code statwall-admin} group, Bob is not; the ID token names their groups in the {@code groups}
 * claim. It answers on {@code localhost} and statwall on {@code 127.0.0.1}, so their session
 * cookies never mix, and a loopback IP redirect address may take any port.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class OidcProvider {

	public static final String CLIENT_ID = "statwall";

	public static final String CLIENT_SECRET = "oidc-client-secret";

	public static final String ADMIN = "alice";

	public static final String ADMIN_PASSWORD = "alice-pass-1";

	public static final String VIEWER = "bob";

	public static final String VIEWER_PASSWORD = "bob-pass-1";

	/** Starts the provider; its issuer is {@link #issuer}. */
	public static ConfigurableApplicationContext start() {
		String client = "spring.security.oauth2.authorizationserver.client.statwall.";
		return new SpringApplicationBuilder(OidcProvider.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.application.name=oidc-provider",

					client + "registration.client-id=" + CLIENT_ID,
					client + "registration.client-secret={noop}" + CLIENT_SECRET,
					client + "registration.client-authentication-methods=client_secret_basic",
					client + "registration.authorization-grant-types=authorization_code,refresh_token",
					client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/sso",
					client + "registration.scopes=openid,profile", client + "require-authorization-consent=false")
			// statwall's application.yml is on the class path too, and wins over the defaults above;
			// the provider has no history to be ready with
			.run("--management.endpoint.health.group.readiness.include=readinessState");
	}

	public static String issuer(ConfigurableApplicationContext provider) {
		return "http://localhost:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
	}

	/** The properties that make statwall sign in with this provider, registered as {@code sso}. */
	public static List<String> statwallProperties() {
		String registration = "spring.security.oauth2.client.registration.sso.";
		return List.of("statwall.security.mode=oidc", registration + "client-id=" + CLIENT_ID,
				registration + "client-secret=" + CLIENT_SECRET, registration + "client-name=Test provider",
				registration + "scope=openid,profile", registration + "authorization-grant-type=authorization_code");
	}

	@Bean
	InMemoryUserDetailsManager people() {
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password("{noop}" + ADMIN_PASSWORD).authorities("statwall-admin", "staff").build(),
				User.withUsername(VIEWER).password("{noop}" + VIEWER_PASSWORD).authorities("staff").build());
	}

	/** Their groups and name in the ID token, as Keycloak, Authentik or Dex put them there. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
		return (context) -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				Authentication principal = context.getPrincipal();
				context.getClaims()
					.claim("groups", principal.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
					.claim("preferred_username", principal.getName());
			}
		};
	}

}
