package dev.statwall.hub.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.statwall.hub.Overview.Query;
import dev.statwall.hub.Overview.Sort;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;

/**
 * The overview's parameters as the page binds them, for the one place Spring MVC does not bind
 * them: the query a live subscription carries in a header. Same conversions, same reasons.
 */
final class OverviewParameters {

	private static final ConversionService CONVERSIONS = ApplicationConversionService.getSharedInstance();

	private OverviewParameters() {
	}

	/**
	 * The query from its parameters; a missing or blank one takes the page's default.
	 * @throws IllegalArgumentException naming the parameter and what it may be
	 */
	static Query query(Map<String, String> parameters) {
		StatusFilter status = convert(parameters, "status", StatusFilter.class, StatusFilter.ALL);
		Sort sort = convert(parameters, "sort", Sort.class, Sort.NAME);
		int page = convert(parameters, "page", Integer.class, 1);
		int size = convert(parameters, "size", Integer.class, Query.DEFAULT_SIZE);
		return new Query(parameters.getOrDefault("q", ""), status.status(), sort, page, size,
				status == StatusFilter.ALERTING);
	}

	/** What a parameter of this type may be, as the reason of a 400 says it. */
	static String allowed(@Nullable Class<?> type) {
		if (type != null && type.isEnum()) {
			List<String> keys = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.toList();
			return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
		}
		return "a whole number";
	}

	private static <T> T convert(Map<String, String> parameters, String name, Class<T> type, T fallback) {
		String value = parameters.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			T converted = CONVERSIONS.convert(value.strip(), type);
			if (converted != null) {
				return converted;
			}
		}
		catch (ConversionException ex) {
			// said below
		}
		throw new IllegalArgumentException("'" + name + "' must be " + allowed(type));
	}

}
