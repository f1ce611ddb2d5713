package dev.statwall.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.RawStomp;
import dev.statwall.testing.SecretHolder;
import dev.statwall.wire.SampleBatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint statwall serves, who may use it, and a check of each for nobody, a viewer and an
 * admin. The rows here are written apart from the rules in {@link SecurityConfiguration}: the test
 * fails when the two disagree, and when Spring MVC, actuator or the live channel serve an endpoint
 * that has no row (add a rule there first, then the row here).
 */
abstract class EndpointMatrix {

	/** What an endpoint needs. */
	enum Need {

		/** Anyone: health for orchestrators, the login page, scripts and styles. */
		PUBLIC,

		/** A viewer: pages, the read API, the live channel, Prometheus. */
		VIEWER,

		/** An admin, or the hub token in open mode: every change. */
		ADMIN,

		/** The agents' bearer token, whatever user is signed in. */
		AGENT

	}

	/**
	 * One endpoint.
	 *
	 * @param method its HTTP method, {@code *} for any
	 * @param pattern its pattern as Spring registers it
	 * @param need who may use it
	 * @param example a request to make, {@code {node}} standing for a node that exists
	 */
	record Rule(String method, String pattern, Need need, String example) {
	}

	static final List<Rule> RULES = List.of(
			// pages: the standalone's configured pages, the hub's overview and node pages
			new Rule("GET", "/", Need.VIEWER, "/"),
			new Rule("GET", "/monitor", Need.VIEWER, "/monitor"),
			new Rule("GET", "/nodes/{name}", Need.VIEWER, "/nodes/{node}"),
			new Rule("GET", "/nodes/{name}/{slug}", Need.VIEWER, "/nodes/{node}/monitor"),
			new Rule("GET", "/cards/{node}/{card}/table", Need.VIEWER, "/cards/{node}/home.processes/table?sort=name"),
			new Rule("GET", "/alerts", Need.VIEWER, "/alerts"),
			// changes
			new Rule("POST", "/alerts/{id}/silence", Need.ADMIN, "/alerts/no-such-alert/silence?for=1h"),
			new Rule("DELETE", "/alerts/{id}/silence", Need.ADMIN, "/alerts/no-such-alert/silence"),
			new Rule("POST", "/api/v1/alerts/{id}/silence", Need.ADMIN, "/api/v1/alerts/no-such-alert/silence?for=1h"),
			new Rule("DELETE", "/api/v1/alerts/{id}/silence", Need.ADMIN, "/api/v1/alerts/no-such-alert/silence"),
			new Rule("DELETE", "/nodes/{name}", Need.ADMIN, "/nodes/{node}"),
			new Rule("DELETE", "/api/v1/nodes/{name}", Need.ADMIN, "/api/v1/nodes/{node}"),
			// the read API
			new Rule("GET", "/api/v1/metrics", Need.VIEWER, "/api/v1/metrics"),
			new Rule("GET", "/api/v1/alerts", Need.VIEWER, "/api/v1/alerts"),
			new Rule("GET", "/api/v1/nodes", Need.VIEWER, "/api/v1/nodes"),
			new Rule("GET", "/api/v1/nodes/{name}", Need.VIEWER, "/api/v1/nodes/{node}"),
			new Rule("GET", "/api/v1/nodes/{name}/cards/{card}", Need.VIEWER, "/api/v1/nodes/{node}/cards/monitor.cpu_stats"),
			new Rule("GET", "/api/v1/nodes/{name}/samples", Need.VIEWER, "/api/v1/nodes/{node}/samples"),
			new Rule("GET", "/api/v1/nodes/{name}/history", Need.VIEWER, "/api/v1/nodes/{node}/history?metric=cpu.usage"),
			// the agents
			new Rule("POST", "/api/v1/ingest", Need.AGENT, "/api/v1/ingest"),
			// the live channel
			new Rule("*", "/ws", Need.VIEWER, "/ws"),
			// actuator: health stays open for orchestrators
			new Rule("GET", "/actuator", Need.VIEWER, "/actuator"),
			new Rule("GET", "/actuator/health", Need.PUBLIC, "/actuator/health"),
			new Rule("GET", "/actuator/health/**", Need.PUBLIC, "/actuator/health/liveness"),
			new Rule("GET", "/actuator/info", Need.VIEWER, "/actuator/info"),
			new Rule("GET", "/actuator/prometheus", Need.VIEWER, "/actuator/prometheus"),
			// signing in, errors, scripts and styles
			new Rule("GET", "/login", Need.PUBLIC, "/login"),
			new Rule("*", "/error", Need.PUBLIC, "/error"),
			new Rule("*", "/webjars/**", Need.PUBLIC, "/webjars/htmx.org/dist/htmx.min.js"),
			new Rule("*", "/css/**", Need.PUBLIC, "/css/statwall.css"),
			new Rule("*", "/js/**", Need.PUBLIC, "/js/live.js"),
			// any other file or path
			new Rule("*", "/**", Need.VIEWER, "/statwall-no-such-file.txt"));

	/** How a request came out. */
	enum Outcome {

		/** Sent to sign in: 401, or a redirect to the login page. */
		SIGN_IN,

		/** 403. */
		FORBIDDEN,

		/** Through security to the endpoint, whatever the endpoint then answered. */
		THROUGH

	}

	/** A way of making a request: nobody, a viewer, an admin, an agent. */
	interface Identity {

		HttpRequest.Builder apply(HttpRequest.Builder request, Rule rule);

		/** Headers for the WebSocket handshake, as name-value pairs. */
		default List<String> handshakeHeaders() {
			return List.of();
		}

	}

	static final Identity NOBODY = (request, rule) -> request;

	static final String RUN = SampleBatch.newRun();

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	/** A node that exists, for the examples. */
	abstract String node();

	abstract boolean open();

	abstract Identity viewer() throws Exception;

	abstract Identity admin() throws Exception;

	/** Every endpoint Spring MVC, actuator and the live channel serve, as {@code METHOD pattern}. */
	Set<String> served() {
		Set<String> served = new LinkedHashSet<>();
		for (HandlerMapping mapping : this.context.getBeansOfType(HandlerMapping.class).values()) {
			if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
				for (Object key : methods.getHandlerMethods().keySet()) {
					if (key instanceof RequestMappingInfo info) {
						Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
						for (String pattern : info.getPatternValues()) {
							if (verbs.isEmpty()) {
								served.add("* " + pattern);
							}
							verbs.forEach((verb) -> served.add(verb.name() + " " + pattern));
						}
					}
				}
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urls) {
				urls.getHandlerMap().keySet().forEach((pattern) -> served.add("* " + pattern));
				if (urls.getRootHandler() != null) {
					served.add("* /");
				}
			}
		}
		return served;
	}

	private static Rule rule(String served) {
		int space = served.indexOf(' ');
		String method = served.substring(0, space);
		String pattern = served.substring(space + 1);
		return RULES.stream()
			.filter((rule) -> rule.pattern().equals(pattern) && (rule.method().equals("*") || rule.method().equals(method)))
			.findFirst()
			.orElse(null);
	}

	@Test
	void whenAnEndpointIsServedThenItHasARule() {
		Set<String> served = served();
		assertThat(served).as("the endpoints found").contains("* /ws", "GET /login", "GET /actuator/health", "GET /");
		List<String> missing = served.stream().filter((endpoint) -> rule(endpoint) == null).toList();
		assertThat(missing).as("endpoints without a rule: add one in SecurityConfiguration and a row in EndpointMatrix.RULES")
			.isEmpty();
	}

	@Test
	void whenEachEndpointIsAskedByNobodyAViewerAndAnAdminThenEachGetsWhatItsRuleSays() throws Exception {
		Map<String, Set<Outcome>> wrong = new LinkedHashMap<>();
		Identity viewer = viewer();
		Identity admin = admin();
		List<Rule> rules = new ArrayList<>();
		for (String endpoint : served()) {
			rules.add(rule(endpoint));
		}
		RULES.stream().filter((rule) -> rule.pattern().startsWith("/css") || rule.pattern().startsWith("/js")).forEach(rules::add);
		for (Rule rule : new LinkedHashSet<>(rules)) {
			check(wrong, rule, "nobody", NOBODY, expected(rule, "nobody"));
			check(wrong, rule, "a viewer", viewer, expected(rule, "viewer"));
			check(wrong, rule, "an admin", admin, expected(rule, "admin"));
			if (rule.need() == Need.AGENT) {
				check(wrong, rule, "an agent", (request, r) -> request.header("Authorization", "Bearer " + SecretHolder.TOKEN),
						Set.of(Outcome.THROUGH));
			}
		}
		assertThat(wrong).as("requests that came out otherwise than their rule says (expected outcome shown)").isEmpty();
	}

	/**
	 * Open: everyone watches, changes need the hub token, which only "admin" holds there. Otherwise
	 * the roles; a change by nobody may also be stopped by the missing CSRF token (403).
	 */
	Set<Outcome> expected(Rule rule, String who) {
		return switch (rule.need()) {
			case PUBLIC -> Set.of(Outcome.THROUGH);
			// a user's login is no agent's token
			case AGENT -> Set.of((open() && who.equals("admin")) ? Outcome.THROUGH : Outcome.SIGN_IN);
			case VIEWER -> Set.of((open() || !who.equals("nobody")) ? Outcome.THROUGH : Outcome.SIGN_IN);
			case ADMIN -> who.equals("admin") ? Set.of(Outcome.THROUGH)
					: open() ? Set.of(Outcome.SIGN_IN)
							: who.equals("nobody") ? Set.of(Outcome.SIGN_IN, Outcome.FORBIDDEN) : Set.of(Outcome.FORBIDDEN);
		};
	}

	private void check(Map<String, Set<Outcome>> wrong, Rule rule, String who, Identity identity,
			Set<Outcome> expected) throws Exception {
		Outcome outcome = outcome(rule, identity);
		if (!expected.contains(outcome)) {
			wrong.put(rule.method() + " " + rule.example().replace("{node}", node()) + " by " + who + " came out " + outcome,
					expected);
		}
	}

	Outcome outcome(Rule rule, Identity identity) throws Exception {
		String path = rule.example().replace("{node}", node());
		if (path.equals("/ws")) {
			List<String> headers = identity.handshakeHeaders();
			byte[][] lines = new byte[headers.size() / 2][];
			for (int i = 0; i + 1 < headers.size(); i += 2) {
				lines[i / 2] = RawStomp.header(headers.get(i), headers.get(i + 1));
			}
			int status = RawStomp.handshake(this.port, lines);
			return (status == 101) ? Outcome.THROUGH : (status == 403) ? Outcome.FORBIDDEN : Outcome.SIGN_IN;
		}
		String method = rule.method().equals("*") ? "GET" : rule.method();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		request = method.equals("POST")
				? request.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
				: request.method(method, HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(identity.apply(request, rule).build(),
				HttpResponse.BodyHandlers.ofString());
		return classify(response);
	}

	static Outcome classify(HttpResponse<?> response) {
		int status = response.statusCode();
		if (status == 401 || (status == 302 && response.headers().firstValue("Location").orElse("").contains("/login"))) {
			return Outcome.SIGN_IN;
		}
		return (status == 403) ? Outcome.FORBIDDEN : Outcome.THROUGH;
	}

	/** Makes sure a node exists on a hub: one sample through the ingest API, as an agent sends it. */
	void ingest(String node) throws IOException, InterruptedException {
		long now = System.currentTimeMillis();
		String body = "{\"version\":1,\"node\":\"" + node + "\",\"run\":\"" + RUN + "\",\"interval\":1000,\"dropped\":0,"
				+ "\"seq\":[" + now + "],\"time\":[" + now + "],\"values\":{\"cpu.usage\":[12.5],\"memory.usage\":[40.0]},"
				+ "\"texts\":{},\"tables\":{}}";
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/ingest"))
			.header("Authorization", "Bearer " + SecretHolder.TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).as("ingest opens no session").isEmpty();
	}

	static Identity headers(UnaryOperator<HttpRequest.Builder> headers, List<String> handshake) {
		return new Identity() {
			@Override
			public HttpRequest.Builder apply(HttpRequest.Builder request, Rule rule) {
				return headers.apply(request);
			}

			@Override
			public List<String> handshakeHeaders() {
				return handshake;
			}
		};
	}

}
