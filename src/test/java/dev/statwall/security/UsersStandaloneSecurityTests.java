package dev.statwall.security;

import java.util.List;

import dev.statwall.testing.TestUsers;
import dev.statwall.testing.UsersStandalone;

/** {@code users} on a standalone node: its pages, table fragments, metrics, live channel and actuator. */
@UsersStandalone
class UsersStandaloneSecurityTests extends EndpointMatrix {

	@Override
	String node() {
		return "users-node";
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
