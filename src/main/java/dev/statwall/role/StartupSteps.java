package dev.statwall.role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.env.Environment;
import org.springframework.core.metrics.StartupStep.Tag;

/**
 * With {@code statwall.startup-steps=true}, Spring's start-up steps are recorded and, once the
 * application is ready, the slowest are logged: where the seconds of a start go, on the machine
 * that starts slowly, without a profiler. Off by default: recording costs memory.
 */
public final class StartupSteps {

	private static final Log logger = LogFactory.getLog(StartupSteps.class);

	static final String PROPERTY = "statwall.startup-steps";

	private StartupSteps() {
	}

	public static void apply(SpringApplication application, Environment environment) {
		if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
			return;
		}
		BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
		application.setApplicationStartup(startup);
		application.addListeners((ApplicationReadyEvent event) -> log(startup));
	}

	private static void log(BufferingApplicationStartup startup) {
		List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		// the same step for many beans (spring.beans.instantiate) adds up: by name, then the single longest
		Map<String, Duration> byName = new TreeMap<>();
		events.forEach((event) -> byName.merge(event.getStartupStep().getName(), event.getDuration(), Duration::plus));
		StringBuilder out = new StringBuilder("Start-up steps, total by step (nested steps count in their parents too):");
		byName.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
			.limit(15)
			.forEach((entry) -> out.append("\n  ").append(entry.getValue().toMillis()).append(" ms ").append(entry.getKey()));
		out.append("\nlongest single steps:");
		List<TimelineEvent> longest = new ArrayList<>(events);
		longest.sort(Comparator.comparing(TimelineEvent::getDuration).reversed());
		longest.stream()
			.filter((event) -> !event.getStartupStep().getName().startsWith("spring.boot.application"))
			.limit(25)
			.forEach((event) -> out.append("\n  ")
				.append(event.getDuration().toMillis())
				.append(" ms ")
				.append(event.getStartupStep().getName())
				.append(' ')
				.append(StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
					.map((Tag tag) -> tag.getKey() + "=" + tag.getValue())
					.collect(Collectors.joining(", "))));
		logger.info(out);
	}

}
