package dev.statwall.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.statwall.sampling.LocalNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, in statwall's layout: a form in {@code users} mode, the providers in {@code oidc} mode. */
@Controller
final class LoginController {

	static final String VIEW = "security/login";

	private final SecurityProperties.Mode mode;

	private final String node;

	private final ObjectProvider<ClientRegistrationRepository> clients;

	LoginController(SecurityProperties properties, LocalNode node, ObjectProvider<ClientRegistrationRepository> clients) {
		this.mode = properties.mode();
		this.node = node.name();
		this.clients = clients;
	}

	@GetMapping(SecurityConfiguration.LOGIN)
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout, Model model) {
		if (this.mode == SecurityProperties.Mode.OPEN) {
			return "redirect:/"; // nobody signs in
		}
		model.addAttribute("title", "statwall · sign in");
		model.addAttribute("node", this.node);
		model.addAttribute("live", false);
		model.addAttribute("form", this.mode == SecurityProperties.Mode.USERS);
		model.addAttribute("providers", providers());
		model.addAttribute("error", error != null);
		model.addAttribute("loggedOut", logout != null);
		return VIEW;
	}

	private List<Provider> providers() {
		List<Provider> providers = new ArrayList<>();
		if (this.mode == SecurityProperties.Mode.OIDC
				&& this.clients.getIfAvailable() instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				if (registration instanceof ClientRegistration client) {
					providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
				}
			}
		}
		return providers;
	}

	/**
	 * An OpenID Connect provider to sign in with.
	 *
	 * @param id the registration id, as in {@code spring.security.oauth2.client.registration.<id>}
	 * @param name what the button says
	 */
	record Provider(String id, String name) {
	}

}
