package dev.statwall.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.statwall.role.InvalidConfigurationException;
import dev.statwall.security.SecurityProperties.Mode;
import dev.statwall.security.SecurityProperties.User;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The rules, in one place. Health stays open for orchestrators, and the agents' ingest keeps its
 * own bearer token, untouched by logins (no session, no CSRF). Everything else:
 * <ul>
 * <li>{@code open}: anyone watches; admin actions check the hub token themselves;</li>
 * <li>{@code users}, {@code oidc}: reading (GET) needs a viewer, every change an admin; browsers
 * sign in on {@code /login} and carry a CSRF token, scripts and scrapers use HTTP Basic.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN = "/login";

	/** The agents' endpoint: its bearer token is checked by the ingest controller. */
	@Bean
	@Order(1)
	SecurityFilterChain ingestSecurity(HttpSecurity http) {
		return http.securityMatcher("/api/v1/ingest")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<ClientRegistrationRepository> clients, GrantedAuthoritiesMapper oidcRoles) {
		if (properties.mode() == Mode.OPEN) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.requestCache((cache) -> cache.disable())
				.build();
		}
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(EndpointRequest.to("health")).permitAll()
			.requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
			.requestMatchers(LOGIN, "/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/**").hasAuthority(Access.VIEWER)
			.requestMatchers(HttpMethod.HEAD, "/**").hasAuthority(Access.VIEWER)
			// forgetting a node, and every change that comes later
			.anyRequest().hasAuthority(Access.ADMIN))
			.httpBasic((basic) -> basic.realmName("statwall"))
			// a request that carries its credentials in a header cannot be forged by another site
			.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
			.requestCache((cache) -> cache.requestCache(pagesOnly()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
			.logout((logout) -> logout.logoutSuccessUrl(LOGIN + "?logout"));
		if (properties.mode() == Mode.USERS) {
			http.formLogin((form) -> form.loginPage(LOGIN).permitAll());
		}
		else {
			if (clients.getIfAvailable() == null) {
				throw new InvalidConfigurationException("spring.security.oauth2.client.registration",
						"statwall.security.mode=oidc needs an OpenID Connect client: set spring.security.oauth2.client.registration.<id>.* "
								+ "and spring.security.oauth2.client.provider.<id>.issuer-uri (README, 'Security')");
			}
			http.oauth2Login((login) -> login.loginPage(LOGIN)
				.userInfoEndpoint((userInfo) -> userInfo.userAuthoritiesMapper(oidcRoles)));
		}
		return http.build();
	}

	/** Browsers go to the login page; htmx is told to take the whole page there; everything else gets HTTP Basic's 401. */
	private static AuthenticationEntryPoint entryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("statwall");
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN);
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else if (isMachine(request)) {
				basic.commence(request, response, failure);
			}
			else {
				try {
					login.commence(request, response, failure);
				}
				catch (jakarta.servlet.ServletException ex) {
					throw new IOException(ex);
				}
			}
		};
	}

	/** The read API, the live channel, actuator and anything that sent credentials in a header. */
	static boolean isMachine(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/ws/") || path.startsWith("/actuator")
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	/** After signing in, back to the page that asked; never to an API, the live channel or an htmx fragment. */
	private static HttpSessionRequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		RequestMatcher pages = (request) -> "GET".equals(request.getMethod()) && !isMachine(request)
				&& request.getHeader("HX-Request") == null;
		cache.setRequestMatcher(pages);
		return cache;
	}

	/** The configured users; none in {@code open} mode. */
	@Bean
	UserDetailsService statwallUsers(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		for (User user : properties.users()) {
			String hash = String.valueOf(user.password());
			users.add(org.springframework.security.core.userdetails.User.withUsername(String.valueOf(user.name()))
				.password(hash.startsWith("{bcrypt}") ? hash : "{bcrypt}" + hash)
				.authorities(authorities(user.role()))
				.build());
		}
		// checked by Spring Security's delegating encoder, which reads the {bcrypt} prefix
		return new InMemoryUserDetailsManager(users);
	}

	static String[] authorities(SecurityProperties.Role role) {
		return (role == SecurityProperties.Role.ADMIN) ? new String[] { Access.VIEWER, Access.ADMIN }
				: new String[] { Access.VIEWER };
	}

	/** Everyone the provider signs in is a viewer; an admin when the configured claim says so. */
	@Bean
	GrantedAuthoritiesMapper oidcRoles(SecurityProperties properties) {
		SecurityProperties.Oidc oidc = properties.oidc();
		return (Collection<? extends GrantedAuthority> authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			mapped.add(new SimpleGrantedAuthority(Access.VIEWER));
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority user
						&& matches(claim(user.getAttributes(), oidc.adminClaim()), oidc.adminValues())) {
					mapped.add(new SimpleGrantedAuthority(Access.ADMIN));
				}
			}
			return mapped;
		};
	}

	/** The claim by its name, or by a dotted path into nested objects ({@code realm_access.roles}). */
	static @org.jspecify.annotations.Nullable Object claim(Map<String, Object> claims, String name) {
		if (claims.containsKey(name)) {
			return claims.get(name);
		}
		Object value = claims;
		for (String part : name.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

	static boolean matches(@org.jspecify.annotations.Nullable Object claim, List<String> values) {
		if (claim instanceof Collection<?> many) {
			return many.stream().anyMatch((one) -> values.contains(String.valueOf(one)));
		}
		return claim != null && values.contains(String.valueOf(claim));
	}

}
