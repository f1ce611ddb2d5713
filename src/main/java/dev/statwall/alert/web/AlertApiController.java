package dev.statwall.alert.web;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.statwall.alert.AlertBoard;
import dev.statwall.alert.AlertState;
import dev.statwall.role.ConditionalOnRole;
import dev.statwall.role.Role;
import dev.statwall.web.ApiException;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts as JSON, and silencing them. Reads are open, as the pages are; silencing is an admin
 * action under {@code /api/v1/alerts/**} (POST and DELETE), so a URL rule can require the admin role.
 */
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = "application/json")
@ConditionalOnRole({ Role.STANDALONE, Role.HUB })
class AlertApiController {

	static final int CHANGE_LIMIT = 10_000;

	private final AlertBoard board;

	private final AlertAdmin admin;

	AlertApiController(AlertBoard board, AlertAdmin admin) {
		this.board = board;
		this.admin = admin;
	}

	@GetMapping
	AlertJson alerts(@RequestParam(required = false) @Nullable String node,
			@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 0 || limit > CHANGE_LIMIT) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "'limit' must be from 0 to " + CHANGE_LIMIT + ", was " + limit);
		}
		AlertState wanted = state(state);
		long now = this.board.now();
		List<AlertJson.Alert> alerts = ((node != null) ? this.board.active(node) : this.board.active()).stream()
			.filter((view) -> wanted == null || view.state() == wanted)
			.map((view) -> AlertJson.Alert.of(view, now))
			.toList();
		List<AlertJson.Change> changes = this.board.changes(node, limit).stream().map(AlertJson.Change::of).toList();
		return new AlertJson(AlertJson.time(now), this.board.counts(), alerts, changes);
	}

	@PostMapping("/{id}/silence")
	AlertJson.SilenceJson silence(@PathVariable String id, @RequestParam(name = "for") String duration,
			@RequestParam(defaultValue = "") String comment,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Nullable Principal principal, HttpServletRequest request) {
		String by = this.admin.authorize(authorization, null, principal, request.getRemoteAddr());
		return AlertJson.SilenceJson.of(this.board.silence(id, duration(duration), by, comment(comment)));
	}

	@DeleteMapping("/{id}/silence")
	ResponseEntity<Void> unsilence(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Nullable Principal principal, HttpServletRequest request) {
		String by = this.admin.authorize(authorization, null, principal, request.getRemoteAddr());
		this.board.unsilence(id, by);
		return ResponseEntity.noContent().build();
	}

	static @Nullable AlertState state(@Nullable String state) {
		if (state == null || state.isBlank() || state.equals("all")) {
			return null;
		}
		return switch (state.strip()) {
			case "firing" -> AlertState.FIRING;
			case "pending" -> AlertState.PENDING;
			default -> throw new ApiException(HttpStatus.BAD_REQUEST, "'state' must be firing, pending or all");
		};
	}

	/** {@code 2h}, {@code 30m}, {@code 1d}: a silence's length. */
	static Duration duration(String text) {
		try {
			return DurationStyle.SIMPLE.parse(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"'for' must be a duration such as 30m, 2h or 1d, was '" + shown(text) + "'");
		}
	}

	static String comment(String comment) {
		String text = comment.strip();
		if (text.length() > 500) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "'comment' is at most 500 characters");
		}
		return text;
	}

	private static String shown(String text) {
		String shown = text.replaceAll("\\p{Cntrl}", "?");
		return (shown.length() > 40) ? shown.substring(0, 40) + "…" : shown;
	}

}
