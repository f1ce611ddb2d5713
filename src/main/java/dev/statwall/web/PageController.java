package dev.statwall.web;

import java.lang.reflect.Method;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

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

	private final CardViews views;

	private final String node;

	PageController(Dashboard dashboard, CardViews views, LocalNode node) {
		this.dashboard = dashboard;
		this.views = views;
		this.node = node.name();
	}

	/** Maps every configured page path to {@link #page}; {@code /} leads to the first page if none is there. */
	void register(RequestMappingHandlerMapping mapping) {
		Method handler = Objects.requireNonNull(
				ReflectionUtils.findMethod(PageController.class, "page", HttpServletRequest.class, Model.class));
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

	String page(HttpServletRequest request, Model model) {
		PageDefinition page = this.dashboard.page(request.getRequestURI().substring(request.getContextPath().length()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("page", page);
		model.addAttribute("node", this.node);
		model.addAttribute("pages", this.dashboard.pages());
		model.addAttribute("currentPath", page.path());
		model.addAttribute("cards", this.views.page(page, this.node));
		return PAGE_VIEW;
	}

}
