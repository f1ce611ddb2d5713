package dev.statwall.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * The shared secret of hub and agents. Compared in constant time over SHA-256 digests, so neither
 * the position of the first wrong character nor the token's length shows in response times. It is
 * never logged and never printed.
 */
public final class HubToken {

	private final byte[] digest;

	public HubToken(String token) {
		if (token.isBlank()) {
			throw new IllegalArgumentException("the hub token must not be blank");
		}
		this.digest = sha256(token);
	}

	/** Whether an {@code Authorization} header carries this token as {@code Bearer <token>}. */
	public boolean authorizes(@Nullable String authorization) {
		if (authorization == null || authorization.length() < 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return matches(authorization.substring(7).trim());
	}

	/** Whether {@code candidate} is the token itself. */
	public boolean matches(@Nullable String candidate) {
		return candidate != null && MessageDigest.isEqual(this.digest, sha256(candidate));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "HubToken[***]";
	}

}
