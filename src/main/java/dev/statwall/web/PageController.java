package dev.statwall.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.statwall.card.CardBuffers;
import dev.statwall.card.CardDefinition;
import dev.statwall.card.CardRows;
import dev.statwall.card.Dashboard;
import dev.statwall.card.PageDefinition;
import dev.statwall.sampling.LocalNode;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Serves each configured page at its own path, rendered with every card's current rows so the page
 * is complete before any script runs.
 */
final class PageController {

	static final String PAGE_VIEW = "pages/page";

	private final Dashboard dashboard;

	private final CardBuffers cards;

	private final String node;

	private final CardJson json;

	private final Sparklines sparklines;

	PageController(Dashboard dashboard, CardBuffers cards, LocalNode node, CardJson json, Sparklines sparklines) {
		this.dashboard = dashboard;
		this.cards = cards;
		this.node = node.name();
		this.json = json;
		this.sparklines = sparklines;
	}

	/** Maps every configured page path to {@link #page}; {@code /} leads to the first page if none is there. */
	void register(RequestMappingHandlerMapping mapping) {
		Method handler = ReflectionUtils.findMethod(PageController.class, "page", HttpServletRequest.class,
				Model.class);
		for (PageDefinition page : this.dashboard.pages()) {
			mapping.registerMapping(RequestMappingInfo.paths(page.path()).methods(RequestMethod.GET).build(), this,
					handler);
		}
		if (this.dashboard.page("/").isEmpty() && !this.dashboard.pages().isEmpty()) {
			mapping.registerMapping(RequestMappingInfo.paths("/").methods(RequestMethod.GET).build(), this,
					ReflectionUtils.findMethod(PageController.class, "home"));
		}
	}

	String home() {
		return "redirect:" + this.dashboard.pages().get(0).path();
	}

	String page(HttpServletRequest request, Model model) {
		PageDefinition page = this.dashboard.page(request.getRequestURI().substring(request.getContextPath().length()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<CardView> views = new ArrayList<>(page.cards().size());
		for (CardDefinition card : page.cards()) {
			CardRows rows = this.cards.rows(this.node, card);
			views.add(new CardView(rows, this.json.rows(rows), this.sparklines.of(rows)));
		}
		model.addAttribute("page", page);
		model.addAttribute("node", this.node);
		model.addAttribute("cards", views);
		return PAGE_VIEW;
	}

}
