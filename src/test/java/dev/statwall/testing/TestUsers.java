package dev.statwall.testing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The users of the {@code users} mode's tests; their hashes were made with
 * {@code java -jar statwall.jar hash-password}.
 */
public final class TestUsers {

	public static final String VIEWER = "vera";

	public static final String VIEWER_PASSWORD = "vera-pass-1";

	public static final String ADMIN = "adam";

	public static final String ADMIN_PASSWORD = "adam-pass-1";

	public static final String VIEWER_0 = "statwall.security.users[0].name=" + VIEWER;

	public static final String VIEWER_1 = "statwall.security.users[0].password=$2a$10$7D.vQFytb60abfNPiUcLe..9KhbodjSxvgsqCGEzaHuFD8pVG9ZFi";

	public static final String ADMIN_0 = "statwall.security.users[1].name=" + ADMIN;

	/** With Spring's {@code {bcrypt}} prefix, the other accepted form. */
	public static final String ADMIN_1 = "statwall.security.users[1].password={bcrypt}$2a$10$cINb6RnDpSXu4VhXPTx0TuzPsbRI5SgXBg4DJCcFaMJMAzdvPc80y";

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
