package dev.statwall.alert.web;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.statwall.alert.AlertBoard;
import dev.statwall.card.Dashboard;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.role.RoleProperties;
import dev.statwall.sampling.LocalNode;
import dev.statwall.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /alerts}: what fires now and the recent changes, rendered on the server; live over STOMP
 * ({@code /topic/alerts} makes the page ask the same URL with {@code HX-Request} for the part that
 * changed). Silencing from the page is a POST (and unsilencing a DELETE) under {@code /alerts/**}
 * with the admin token from htmx's prompt.
 */
@Controller
@ConditionalOnRole({ Role.STANDALONE, Role.HUB })
class AlertPageController {

	static final int CHANGES_SHOWN = 200;

	private final AlertBoard board;

	private final AlertAdmin admin;

	private final Dashboard dashboard;

	private final boolean hub;

	private final String node;

	AlertPageController(AlertBoard board, AlertAdmin admin, Dashboard dashboard, RoleProperties role, LocalNode node) {
		this.board = board;
		this.admin = admin;
		this.dashboard = dashboard;
		this.hub = role.role() == Role.HUB;
		this.node = node.name();
	}

	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) @Nullable String node,
			@RequestParam(required = false) @Nullable String view,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		if (node != null && node.isBlank()) {
			node = null;
		}
		if (node != null && node.length() > 63) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "'node' is a node's name, at most 63 characters");
		}
		if (htmx != null && "node".equals(view) && node != null) {
			model.addAttribute("alertNode", node);
			model.addAttribute("hub", this.hub);
			return "alerts/node :: alerts";
		}
		board(model, node);
		if (htmx != null) {
			return "alerts/alerts :: board";
		}
		model.addAttribute("title", "statwall · alerts");
		model.addAttribute("node", this.hub ? "cluster" : this.node);
		if (!this.hub) {
			model.addAttribute("pages", this.dashboard.pages());
			model.addAttribute("currentPath", "/alerts");
		}
		return "alerts/alerts";
	}

	private void board(Model model, @Nullable String node) {
		model.addAttribute("filterNode", node);
		model.addAttribute("alerts", (node != null) ? this.board.active(node) : this.board.active());
		model.addAttribute("changes", this.board.changes(node, CHANGES_SHOWN));
		model.addAttribute("counts", this.board.counts());
		model.addAttribute("now", this.board.now());
		model.addAttribute("hub", this.hub);
		model.addAttribute("durations", List.of("1h", "4h", "1d", "7d"));
	}

	/** Silences from the page: htmx sends the token it prompted for in {@code HX-Prompt}; the board comes back. */
	@PostMapping("/alerts/{id}/silence")
	String silence(@PathVariable String id, @RequestParam(name = "for", defaultValue = "1h") String duration,
			@RequestParam(defaultValue = "") String comment,
			@RequestHeader(name = "HX-Prompt", required = false) @Nullable String prompt, @Nullable Principal principal,
			HttpServletRequest request, Model model) {
		String by = this.admin.authorize(null, prompt, principal, request.getRemoteAddr());
		this.board.silence(id, AlertApiController.duration(duration), by, AlertApiController.comment(comment));
		board(model, null);
		return "alerts/alerts :: board";
	}

	@DeleteMapping("/alerts/{id}/silence")
	String unsilence(@PathVariable String id, @RequestHeader(name = "HX-Prompt", required = false) @Nullable String prompt,
			@Nullable Principal principal, HttpServletRequest request, Model model) {
		String by = this.admin.authorize(null, prompt, principal, request.getRemoteAddr());
		this.board.unsilence(id, by);
		board(model, null);
		return "alerts/alerts :: board";
	}

	@ExceptionHandler
	ResponseEntity<String> refused(ApiException ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.TEXT_PLAIN).body(String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<String> unknown(AlertBoard.UnknownAlertException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<String> invalid(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(ex.getMessage()));
	}

}
