package dev.statwall.testing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The users of the {@code users} mode's tests. Their bcrypt hashes have cost 4, not the cost 10 that
 * {@code hash-password} uses: every HTTP Basic request checks one, and the tests make hundreds.
 */
public final class TestUsers {

	public static final String VIEWER = "vera";

	public static final String VIEWER_PASSWORD = "vera-pass-1";

	public static final String ADMIN = "adam";

	public static final String ADMIN_PASSWORD = "adam-pass-1";

	public static final String VIEWER_0 = "statwall.security.users[0].name=" + VIEWER;

	public static final String VIEWER_1 = "statwall.security.users[0].password=$2a$04$Vz9Zx2t/meRyV8/scWIkOeuuB3ws4BLb7UUzMOoTIKuUxL0rnTzTO";

	public static final String ADMIN_0 = "statwall.security.users[1].name=" + ADMIN;

	/** With Spring's {@code {bcrypt}} prefix, the other accepted form. */
	public static final String ADMIN_1 = "statwall.security.users[1].password={bcrypt}$2a$04$s26Nszhvq8zWbROvlmGH4ecDnxt10.OB70lmzNPo.VnOrIKnuY7Bi";

	public static final String ADMIN_2 = "statwall.security.users[1].role=admin";

	private TestUsers() {
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static HttpRequest.Builder asViewer(HttpRequest.Builder request) {
		return request.header("Authorization", basic(VIEWER, VIEWER_PASSWORD));
	}

	public static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
		return request.header("Authorization", basic(ADMIN, ADMIN_PASSWORD));
	}

}
