package dev.statwall.hub.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.Dashboard;
import dev.statwall.card.PageDefinition;
import dev.statwall.hub.Ago;
import dev.statwall.hub.HubProperties;
import dev.statwall.hub.HubToken;
import dev.statwall.hub.NodeRegistry;
import dev.statwall.hub.NodeState;
import dev.statwall.hub.NodeStatus;
import dev.statwall.hub.Overview;
import dev.statwall.hub.Overview.Query;
import dev.statwall.hub.Overview.Sort;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.security.Access;
import dev.statwall.web.CardViews;
import dev.statwall.web.TimeRange;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The hub's pages: the overview at {@code /} and every node's cards at {@code /nodes/{name}}. A
 * request from htmx ({@code HX-Request}) to the same URL gets only the part that changes.
 */
@Controller
@ConditionalOnRole(Role.HUB)
class ClusterPageController {

	static final List<String> STYLESHEETS = List.of("/css/cluster.css");

	static final List<String> SCRIPTS = List.of("/js/overview.js");

	private final NodeRegistry nodes;

	private final Overview overview;

	private final Dashboard dashboard;

	private final CardViews views;

	private final HubToken token;

	private final HubProperties properties;

	private final Clock clock;

	private final Access access;

	ClusterPageController(NodeRegistry nodes, Overview overview, Dashboard dashboard, CardViews views, HubToken token,
			HubProperties properties, Access access, Clock clock) {
		this.clock = clock;
		this.nodes = nodes;
		this.overview = overview;
		this.dashboard = dashboard;
		this.views = views;
		this.token = token;
		this.properties = properties;
		this.access = access;
	}

	@GetMapping("/")
	String overview(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "all") StatusFilter status,
			@RequestParam(defaultValue = "name") Sort sort, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Query.DEFAULT_SIZE) int size,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Query query = new Query(q, status.status(), sort, page, size, status == StatusFilter.ALERTING);
		Collection<NodeState> states = this.nodes.states();
		model.addAttribute("page", this.overview.page(query, states));
		model.addAttribute("query", query);
		if (htmx != null) {
			return "cluster/overview :: tiles";
		}
		model.addAttribute("summary", this.overview.summary(states));
		model.addAttribute("title", "statwall · cluster");
		model.addAttribute("node", "cluster");
		model.addAttribute("staleAfter", Ago.text(this.properties.staleAfter()));
		model.addAttribute("offlineAfter", Ago.text(this.properties.offlineAfter()));
		model.addAttribute("stylesheets", STYLESHEETS);
		model.addAttribute("scripts", SCRIPTS);
		return "cluster/overview";
	}

	/**
	 * A node's cards, live or over a range of history. htmx polls the same URL for the status line
	 * ({@code HX-Target: node-status}) and asks it for the view when the range changes.
	 */
	@GetMapping({ "/nodes/{name}", "/nodes/{name}/{slug}" })
	String node(@PathVariable String name, @PathVariable(required = false) @Nullable String slug,
			@RequestParam(required = false) @Nullable String range, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@RequestHeader(name = "HX-Target", required = false) @Nullable String target, Model model) {
		NodeState state = this.nodes.find(name).orElseThrow(() -> new NotFound("no node '" + name + "' on this hub"));
		model.addAttribute("status", new NodeView(state, this.nodes.status(state),
				Ago.text(this.nodes.silence(state))));
		if (htmx != null && !"view".equals(target)) {
			return "cluster/node :: status";
		}
		TimeRange view = TimeRange.of(range, from, to, this.clock.millis());
		PageDefinition page = this.dashboard.pages().stream()
			.filter((p) -> slug == null || p.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new NotFound((slug != null) ? "no page '" + slug + "'" : "no pages are configured (statwall.pages)"));
		model.addAttribute("page", page);
		model.addAttribute("pages", this.dashboard.pages());
		model.addAttribute("node", name);
		model.addAttribute("range", view);
		model.addAttribute("ranges", TimeRange.PRESETS);
		model.addAttribute("viewPath", (slug != null) ? "/nodes/" + name + "/" + slug : "/nodes/" + name);
		model.addAttribute("cards", this.views.page(page, name, view));
		if (htmx != null) {
			return "pages/page :: view";
		}
		model.addAttribute("title", name + " · " + page.title());
		model.addAttribute("stylesheets", STYLESHEETS);
		model.addAttribute("scripts", SCRIPTS);
		return "cluster/node";
	}

	/**
	 * The forget button: htmx asks for the token ({@code hx-prompt}) and sends it in {@code HX-Prompt};
	 * with sign-in on, security lets only admins here and no token is asked for.
	 * The tile goes away; from a node's own page, the browser goes back to the overview.
	 */
	@DeleteMapping(path = "/nodes/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> forget(@PathVariable String name,
			@RequestHeader(name = "HX-Prompt", required = false) @Nullable String prompt,
			@RequestParam(required = false) @Nullable String then) {
		if (this.access.tokenRequired() && !this.token.matches((prompt != null) ? prompt.strip() : null)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("wrong token: forgetting a node needs statwall.hub.token");
		}
		try {
			this.nodes.forget(name);
		}
		catch (NodeRegistry.UnknownNodeException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ex.getMessage());
		}
		catch (NodeRegistry.NodeNotOfflineException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(ex.getMessage());
		}
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if ("overview".equals(then)) {
			ok.header("HX-Redirect", "/");
		}
		return ok.body("");
	}

	/** A parameter Spring could not convert: which one, and what it may be. */
	@ExceptionHandler
	ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
			.body("'" + ex.getName() + "' must be " + OverviewParameters.allowed(ex.getRequiredType()));
	}

	@ExceptionHandler
	ResponseEntity<String> badQuery(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<String> missing(NotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
	}

	/**
	 * A node's status line.
	 *
	 * @param state what the hub knows of it
	 * @param status online, stale or offline
	 * @param silence how long since it was heard from, as text
	 */
	record NodeView(NodeState state, NodeStatus status, String silence) {

		public String seen() {
			if (this.state.lastSeen() == 0) {
				return "never seen";
			}
			return (this.status == NodeStatus.ONLINE) ? "online" : "last seen " + this.silence + " ago";
		}

		public String lastSeen() {
			return (this.state.lastSeen() == 0) ? "" : Instant.ofEpochMilli(this.state.lastSeen()).toString();
		}

	}

	/** A node or page that does not exist: 404, with the reason. */
	static final class NotFound extends RuntimeException {

		NotFound(String reason) {
			super(reason, null, false, false);
		}

	}

}
