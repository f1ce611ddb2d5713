package dev.statwall.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.statwall.card.CardDefinition;
import dev.statwall.card.Dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A table card's rows sorted by a column, as the fragment htmx swaps in when a header is clicked. */
@Controller
final class TableController {

	private final Dashboard dashboard;

	private final CardViews views;

	TableController(Dashboard dashboard, CardViews views) {
		this.dashboard = dashboard;
		this.views = views;
	}

	@GetMapping("/cards/{node}/{card}/table")
	String table(@PathVariable String node, @PathVariable String card, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(defaultValue = "desc") String dir, Model model) {
		CardDefinition definition = this.dashboard.card(card)
			.filter((candidate) -> candidate.type().isTable())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no table card '" + card + "'"));
		if (sort != null && definition.tableColumns().stream().noneMatch((column) -> column.name().equals(sort))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"sort must be one of the card's columns, not '" + sort + "'");
		}
		String direction = dir.toLowerCase(Locale.ROOT);
		if (!direction.equals("asc") && !direction.equals("desc")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dir must be asc or desc, not '" + dir + "'");
		}
		model.addAttribute("view", this.views.card(definition, node, sort, direction.equals("desc")));
		return "cards/table :: rows";
	}

}
