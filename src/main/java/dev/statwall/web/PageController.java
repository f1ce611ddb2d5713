package dev.statwall.web;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

import dev.statwall.card.Dashboard;
import dev.statwall.card.PageDefinition;
import dev.statwall.sampling.LocalNode;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final CardViews views;

	private final String node;

	private final Clock clock;

	PageController(Dashboard dashboard, CardViews views, LocalNode node, Clock clock) {
		this.dashboard = dashboard;
		this.views = views;
		this.node = node.name();
		this.clock = clock;
	}

	/** Maps every configured page path to {@link #page}; {@code /} leads to the first page if none is there. */
	void register(RequestMappingHandlerMapping mapping) {
		Method handler = Objects.requireNonNull(ReflectionUtils.findMethod(PageController.class, "page",
				HttpServletRequest.class, String.class, String.class, String.class, String.class, Model.class));
		for (PageDefinition page : this.dashboard.pages()) {
			mapping.registerMapping(RequestMappingInfo.paths(page.path()).methods(RequestMethod.GET).build(), this,
					handler);
		}
		if (this.dashboard.page("/").isEmpty() && !this.dashboard.pages().isEmpty()) {
			mapping.registerMapping(RequestMappingInfo.paths("/").methods(RequestMethod.GET).build(), this,
					Objects.requireNonNull(ReflectionUtils.findMethod(PageController.class, "home")));
		}
	}

	String home() {
		return "redirect:" + this.dashboard.pages().get(0).path();
	}

	/**
	 * A page, live or over a range of history ({@code ?range=24h}, {@code ?from=…&to=…}); htmx asks
	 * the same URL when the range changes and gets only the view to swap in.
	 */
	String page(HttpServletRequest request, @RequestParam(required = false) @Nullable String range,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		PageDefinition page = this.dashboard.page(request.getRequestURI().substring(request.getContextPath().length()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		TimeRange view;
		try {
			view = TimeRange.of(range, from, to, this.clock.millis());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		model.addAttribute("page", page);
		model.addAttribute("node", this.node);
		model.addAttribute("pages", this.dashboard.pages());
		model.addAttribute("currentPath", page.path());
		model.addAttribute("range", view);
		model.addAttribute("viewPath", page.path());
		model.addAttribute("ranges", TimeRange.PRESETS);
		model.addAttribute("cards", this.views.page(page, this.node, view));
		return (htmx != null) ? PAGE_VIEW + " :: view" : PAGE_VIEW;
	}

}
