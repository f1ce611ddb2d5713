package dev.statwall.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import dev.statwall.testing.TestUsers;
import dev.statwall.testing.UsersHub;

/** {@code users} on a hub: every endpoint for nobody, a viewer and an admin, with HTTP Basic. */
@UsersHub
class UsersHubSecurityTests extends EndpointMatrix {

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
		return false;
	}

	@Override
	Identity viewer() {
		return headers(TestUsers::asViewer,
				List.of("Authorization", TestUsers.basic(TestUsers.VIEWER, TestUsers.VIEWER_PASSWORD)));
	}

	@Override
	Identity admin() {
		return headers(TestUsers::asAdmin, List.of("Authorization", TestUsers.basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)));
	}

}
