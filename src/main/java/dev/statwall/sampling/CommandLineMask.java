package dev.statwall.sampling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What a command line shows, decided on the node that reads it, before it is sent or shown.
 * <p>
 * In {@code masked} mode the values of secret-looking names become {@code ***}, in every form a
 * program takes them: {@code --name=value}, {@code --name value}, {@code -Dname=value},
 * {@code NAME=value}, {@code Name: value} (a header), {@code scheme://user:password@host}; also
 * word by word inside one argument that holds a whole shell command ({@code sh -c "..."}). A name
 * looks secret when it contains token, pass (password, passwd, passphrase), pwd, secret, key
 * (apikey, access-key, keystore), credential, auth, private, session, cookie, bearer, jwt,
 * signature or salt: masking a harmless value too costs less than showing one secret. The own
 * secrets of this process (the hub token) are replaced wherever they appear, in every mode.
 */
final class CommandLineMask {

	static final String MASK = "***";

	private static final Pattern SECRET_NAME = Pattern
		.compile("token|pass|pwd|secret|key|credential|auth|private|session|cookie|bearer|jwt|signature|salt");

	/** {@code --name=value}, {@code -name=value}, {@code -Dname=value}, {@code NAME=value}. */
	private static final Pattern ASSIGNMENT = Pattern.compile("(--?D?|)([A-Za-z_][A-Za-z0-9_.:-]*)=(.*)", Pattern.DOTALL);

	/** {@code --name} or {@code -name} without a value of its own: the next word is its value. */
	private static final Pattern OPTION = Pattern.compile("--?([A-Za-z][A-Za-z0-9_.-]*)");

	/** {@code Name: value}, as curl's {@code -H 'Authorization: Bearer x'}. */
	private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):[ \t]*(\\S.*)", Pattern.DOTALL);

	/** {@code Name:} alone, a header split into words inside a shell command. */
	private static final Pattern HEADER_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):");

	private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)bearer|basic|token|digest|negotiate");

	/** The password of a URL's user information. */
	private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):([^/\\s@]+)@");

	private static final Pattern WORDS = Pattern.compile("\\S+|\\s+");

	/** Quotes of the shell around a word, and a trailing semicolon. */
	private static final Pattern QUOTED = Pattern.compile("([\"']*)(.*?)([\"';]*)", Pattern.DOTALL);

	private final ProcessProperties.CommandLine mode;

	/** Longest first, so a secret that contains another is replaced whole. */
	private final List<String> secrets;

	CommandLineMask(ProcessProperties.CommandLine mode, Collection<String> secrets) {
		this.mode = mode;
		this.secrets = secrets.stream()
			.filter((secret) -> secret != null && !secret.isBlank())
			.map(String::strip)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
	}

	/** This process's own secrets: the hub token and OpenID Connect client secrets, as configured. */
	static List<String> ownSecrets(Environment environment) {
		List<String> secrets = new ArrayList<>();
		Binder binder = Binder.get(environment);
		binder.bind("statwall.hub.token", String.class).ifBound(secrets::add);
		binder.bind("spring.security.oauth2.client.registration", Bindable.mapOf(String.class, ClientSecret.class))
			.ifBound((clients) -> clients.values().forEach((client) -> {
				if (client.clientSecret() != null) {
					secrets.add(client.clientSecret());
				}
			}));
		return secrets;
	}

	/**
	 * Binds only what masking needs of an OpenID Connect client registration.
	 *
	 * @param clientSecret the client's secret
	 */
	record ClientSecret(@Nullable String clientSecret) {
	}

	/** The command line to show for these arguments ({@code argv}), joined with spaces. */
	String show(List<String> arguments) {
		if (this.mode == ProcessProperties.CommandLine.HIDDEN) {
			return "";
		}
		List<String> shown = (this.mode == ProcessProperties.CommandLine.MASKED) ? maskWords(arguments, true)
				: new ArrayList<>(arguments);
		String line = String.join(" ", shown);
		for (String secret : this.secrets) {
			line = line.replace(secret, MASK);
		}
		return line;
	}

	/**
	 * Each word masked by its own form. Arguments ({@code topLevel}) that hold a whole shell command
	 * are split into words once, and there quotes around a word are kept but not part of it.
	 */
	private static List<String> maskWords(List<String> words, boolean topLevel) {
		List<String> out = new ArrayList<>(words.size());
		boolean maskNext = false;
		for (String word : words) {
			if (word.isBlank()) {
				out.add(word);
				continue;
			}
			String prefix = "";
			String core = word;
			String suffix = "";
			Matcher quoted = QUOTED.matcher(word);
			if (!topLevel && quoted.matches()) {
				prefix = quoted.group(1);
				core = quoted.group(2);
				suffix = quoted.group(3);
			}
			String shown;
			if (maskNext) {
				maskNext = AUTH_SCHEME.matcher(core).matches(); // 'Authorization: Bearer x' masks x
				shown = maskNext ? core : MASK;
			}
			else {
				Matcher assignment = ASSIGNMENT.matcher(core);
				Matcher header = HEADER.matcher(core);
				if (assignment.matches() && isSecret(assignment.group(2)) && !assignment.group(3).isEmpty()) {
					shown = assignment.group(1) + assignment.group(2) + "=" + MASK;
				}
				else if (OPTION.matcher(core).matches() && isSecret(core)) {
					shown = core;
					maskNext = true;
				}
				else if (topLevel && core.chars().anyMatch(Character::isWhitespace)) {
					shown = String.join("", maskWords(words(core), false));
				}
				else if (header.matches() && isSecret(header.group(1))) {
					shown = header.group(1) + ": " + MASK;
				}
				else if (!topLevel && HEADER_NAME.matcher(core).matches() && isSecret(core)) {
					shown = core;
					maskNext = true;
				}
				else {
					shown = URL_PASSWORD.matcher(core).replaceAll("$1:" + MASK + "@");
				}
			}
			out.add(prefix + shown + suffix);
		}
		return out;
	}

	/** An argument holding a shell command, split into words and the space between them. */
	private static List<String> words(String argument) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORDS.matcher(argument);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	static boolean isSecret(String name) {
		return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
	}

}
