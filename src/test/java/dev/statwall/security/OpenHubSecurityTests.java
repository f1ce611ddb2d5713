package dev.statwall.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import dev.statwall.testing.OpenHub;
import dev.statwall.testing.SecretHolder;

/** {@code open}: anyone watches; forgetting a node needs the hub token, as before there were users. */
@OpenHub
class OpenHubSecurityTests extends EndpointMatrix {

	@BeforeEach
	void aNode() throws Exception {
		ingest("web-1");
	}

	@Override
	String node() {
		return "web-1";
	}

	@Override
	boolean open() {
		return true;
	}

	/** Nobody signs in: a viewer is anyone. */
	@Override
	Identity viewer() {
		return NOBODY;
	}

	/** Whoever holds the hub token: the page's forget button sends it in HX-Prompt, the API as a bearer token. */
	@Override
	Identity admin() {
		return headers((request) -> request.header("HX-Prompt", SecretHolder.TOKEN)
			.header("Authorization", "Bearer " + SecretHolder.TOKEN), List.of());
	}

}
