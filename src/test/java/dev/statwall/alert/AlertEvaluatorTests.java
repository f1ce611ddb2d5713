package dev.statwall.alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.statwall.alert.AlertProperties.Rule;
import dev.statwall.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** States, times and notifications of alerts, with a clock the test moves over a real series store. */
class AlertEvaluatorTests {

	private static final Rule CPU_HOT_30S = AlertFixture.above("cpu_busy", "cpu.usage", 90, Duration.ofSeconds(30), null);

	@Test
	void whenTheConditionHoldsForItsForThenItIsPendingThenFiringWithTheTimeOfEachChange() {
		try (AlertFixture alerts = AlertFixture.hub(CPU_HOT_30S)) {
			alerts.second("pi-1", "cpu.usage", 50);
			assertThat(alerts.board.active()).isEmpty();
			alerts.second("pi-1", "cpu.usage", 95);
			long pendingAt = alerts.clock.millis();
			AlertView pending = alerts.board.active().get(0);
			assertThat(pending.state()).isEqualTo(AlertState.PENDING);
			assertThat(pending.activeAt()).isEqualTo(pendingAt);
			for (int i = 0; i < 29; i++) {
				alerts.second("pi-1", "cpu.usage", 96);
			}
			assertThat(alerts.board.active().get(0).state()).as("29 s: not yet").isEqualTo(AlertState.PENDING);
			assertThat(alerts.changes()).isEmpty();
			alerts.second("pi-1", "cpu.usage", 97);
			AlertView firing = alerts.board.active().get(0);
			assertThat(firing.state()).isEqualTo(AlertState.FIRING);
			assertThat(firing.firingAt()).isEqualTo(pendingAt + 30_000);
			assertThat(firing.activeAt()).isEqualTo(pendingAt);
			assertThat(firing.summary()).isEqualTo("cpu.usage is 97.0 on pi-1 (above 90)");
			assertThat(firing.labels()).containsExactly(Map.entry("alertname", "cpu_busy"), Map.entry("node", "pi-1"),
					Map.entry("severity", "warning"));
			assertThat(alerts.board.counts()).isEqualTo(new AlertCounts(0, 1, 0));
			assertThat(alerts.received(1)).containsExactly("firing cpu_busy pi-1");
			Notification sent = alerts.receiver.received.get(0);
			assertThat(sent.activeAt()).isEqualTo(pendingAt);
			assertThat(sent.firingAt()).isEqualTo(pendingAt + 30_000);

			alerts.second("pi-1", "cpu.usage", 40);
			assertThat(alerts.board.active()).isEmpty();
			assertThat(alerts.changes()).containsExactly("firing cpu_busy pi-1", "resolved cpu_busy pi-1");
			assertThat(alerts.received(2)).containsExactly("firing cpu_busy pi-1", "resolved cpu_busy pi-1");
			assertThat(alerts.receiver.received.get(1).resolvedAt()).isEqualTo(alerts.clock.millis());
		}
	}

	@Test
	void whenTheValueDipsBeforeForHasPassedThenItGoesBackToInactiveAndNobodyIsTold() {
		try (AlertFixture alerts = AlertFixture.hub(CPU_HOT_30S)) {
			for (int i = 0; i < 20; i++) {
				alerts.second("pi-1", "cpu.usage", 95);
			}
			alerts.second("pi-1", "cpu.usage", 60);
			assertThat(alerts.board.active()).isEmpty();
			for (int i = 0; i < 20; i++) {
				alerts.second("pi-1", "cpu.usage", 95);
			}
			assertThat(alerts.board.active().get(0).state()).as("pending again, from the start")
				.isEqualTo(AlertState.PENDING);
			assertThat(alerts.changes()).isEmpty();
			assertThat(alerts.receiver.received).isEmpty();
		}
	}

	@Test
	void whenAValueFlapsAroundTheThresholdThenHysteresisGivesExactlyOneFiringAndOneResolved() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, 80.0);
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			double[] flapping = { 85, 91, 89, 92, 88, 95, 81, 90.5, 84, 93, 80, 91, 79.9, 70 };
			for (double value : flapping) {
				alerts.second("pi-1", "memory.usage", value);
			}
			assertThat(alerts.changes()).containsExactly("firing memory_high pi-1", "resolved memory_high pi-1");
			assertThat(alerts.received(2)).containsExactly("firing memory_high pi-1", "resolved memory_high pi-1");
			assertThat(alerts.board.changes(null, 10).get(0).value()).as("resolved below clear-below").isEqualTo(79.9);
		}
	}

	@Test
	void whenTheSameValuesFlapWithoutHysteresisThenEveryCrossingIsAChange() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			for (double value : new double[] { 85, 91, 89, 92, 88 }) {
				alerts.second("pi-1", "memory.usage", value);
			}
			assertThat(alerts.changes()).hasSize(4);
		}
	}

	@Test
	void whenAWildcardMetricMatchesTwoMountsThenEachIsItsOwnAlertWithItsMountLabel() {
		Rule rule = new Rule("disk_full", true, "fs.*.usage", null, 90.0, null, null, null, null, null, null,
				Severity.CRITICAL, "{{mount}} is {{percent usage}} full on {{node}}");
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			alerts.clock.advance(Duration.ofSeconds(1));
			alerts.sample("pi-1", Map.of("fs./.usage", 50.0, "fs./data.usage", 97.0));
			alerts.evaluator.evaluate();
			List<AlertView> active = alerts.board.active();
			assertThat(active).hasSize(1);
			assertThat(active.get(0).labels()).containsEntry("mount", "/data").containsEntry("severity", "critical");
			assertThat(active.get(0).summary()).isEqualTo("/data is 97.0% full on pi-1");
			assertThat(alerts.board.worst("pi-1")).isEqualTo("critical");
			assertThat(alerts.board.worst("pi-2")).isNull();
		}
	}

	@Test
	void whenAWindowAverageCrossesTheThresholdThenItFiresAtTheFirstWholeMinuteThatDoes() {
		Rule rule = new Rule("cpu_avg", true, "cpu.usage", null, 60.0, null, Duration.ofMinutes(3), WindowFunction.AVG,
				null, null, null, Severity.WARNING, "{{percent usage}} on average");
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			// start on a minute: three minutes at 40, then 80 from then on
			alerts.clock.advance(Duration.ofMillis(60_000 - alerts.clock.millis() % 60_000 - 1000));
			for (int i = 0; i < 180; i++) {
				alerts.second("pi-1", "cpu.usage", 40);
			}
			long switched = alerts.clock.millis();
			int seconds = 0;
			while (alerts.board.active().isEmpty() && seconds < 600) {
				alerts.second("pi-1", "cpu.usage", 80);
				seconds++;
			}
			AlertView firing = alerts.board.active().get(0);
			// minutes of 40, 40, 80 average 53; 40, 80, 80 average 67: the second whole minute of 80 does it
			assertThat(alerts.clock.millis() - switched)
				.as("fired after two whole minutes of 80, plus the grace and the node's place in the spread")
				.isBetween(120_000L, 132_000L);
			assertThat(firing.value()).isCloseTo(66.7, org.assertj.core.data.Offset.offset(0.1));
			assertThat(firing.summary()).isEqualTo("66.7% on average");
		}
	}

	@Test
	void whenANodeFallsSilentThenNodeOfflineFiresAfterOfflineAfterAndResolvesWhenItIsBack() {
		try (AlertFixture alerts = AlertFixture.hub()) {
			alerts.second("pi-1", "cpu.usage", 5);
			alerts.tick(Duration.ofSeconds(29));
			assertThat(alerts.board.active()).isEmpty();
			alerts.tick(Duration.ofSeconds(1));
			AlertView offline = alerts.board.active().get(0);
			assertThat(offline.rule()).isEqualTo("node_offline");
			assertThat(offline.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(offline.summary()).isEqualTo("pi-1 has sent nothing for 30s");
			alerts.second("pi-1", "cpu.usage", 5);
			assertThat(alerts.changes()).containsExactly("firing node_offline pi-1", "resolved node_offline pi-1");
		}
	}

	@Test
	void whenTheHubItselfWasDownThenItsNodesGetOfflineAfterFromItsStartBeforeTheyAreBlamed() {
		MutableClock clock = new MutableClock(AlertFixture.START);
		try (AlertFixture alerts = new AlertFixture(clock, List.of(), null, null)) {
			alerts.second("pi-1", "cpu.usage", 5);
			clock.advance(Duration.ofMinutes(10)); // the hub was down meanwhile
			alerts.restart();
			alerts.tick(Duration.ofSeconds(29));
			assertThat(alerts.board.active()).as("not offline-after since the hub started").isEmpty();
			alerts.tick(Duration.ofSeconds(1));
			assertThat(alerts.board.active()).extracting(AlertView::rule).containsExactly("node_offline");
		}
	}

	@Test
	void whenANodeIsSilentThenItsMetricAlertsHoldWhileNodeOfflineFires() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			alerts.second("pi-1", "memory.usage", 95);
			alerts.tick(Duration.ofMinutes(5));
			assertThat(alerts.board.active()).extracting(AlertView::rule).containsExactly("node_offline", "memory_high");
			assertThat(alerts.changes()).containsExactly("firing memory_high pi-1", "firing node_offline pi-1");
		}
	}

	@Test
	void whenAValueIsNotAvailableThenTheAlertStaysAsItIs() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			alerts.second("pi-1", "memory.usage", 95);
			alerts.second("pi-1", "memory.usage", Double.NaN);
			alerts.second("pi-1", "memory.usage", Double.NaN);
			assertThat(alerts.board.active()).hasSize(1);
			assertThat(alerts.changes()).containsExactly("firing memory_high pi-1");
		}
	}

	@Test
	void whenAStandaloneNodeEvaluatesThenOnlyItselfAndNeverNodeOffline() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = new AlertFixture(new MutableClock(AlertFixture.START), List.of(rule), "me", null)) {
			alerts.second("me", "memory.usage", 95);
			alerts.second("other", "memory.usage", 95);
			alerts.tick(Duration.ofHours(1));
			assertThat(alerts.board.active()).extracting(AlertView::node, AlertView::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("me", "memory_high"));
		}
	}

	@Test
	void whenAFiringAlertIsSilencedThenNothingIsSentUntilTheSilenceEndsAndItIsStillFiring() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = new AlertFixture(new MutableClock(AlertFixture.START), List.of(rule), "pi-1", null)) {
			alerts.second("pi-1", "memory.usage", 50);
			String id = AlertInstance.id("memory_high", "pi-1", "");
			Silence silence = alerts.board.silence(id, Duration.ofHours(1), "ops", "<b>maintenance</b>");
			assertThat(silence.until()).isEqualTo(alerts.clock.millis() + 3_600_000);
			alerts.second("pi-1", "memory.usage", 95);
			assertThat(alerts.board.active().get(0).silenced(alerts.clock.millis())).isTrue();
			alerts.tick(Duration.ofMinutes(30));
			assertThat(alerts.receiver.received).as("silenced: nothing sent").isEmpty();
			alerts.clock.advance(Duration.ofMinutes(30));
			alerts.second("pi-1", "memory.usage", 96);
			assertThat(alerts.received(1)).containsExactly("firing memory_high pi-1");
		}
	}

	@Test
	void whenANodeIsForgottenThenItsFiringAlertsResolve() {
		Rule rule = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = AlertFixture.hub(rule)) {
			alerts.second("pi-1", "memory.usage", 95);
			alerts.store.forget("pi-1");
			alerts.evaluator.forget("pi-1");
			alerts.tick(Duration.ofSeconds(1));
			assertThat(alerts.board.active()).isEmpty();
			assertThat(alerts.received(2)).containsExactly("firing memory_high pi-1", "resolved memory_high pi-1");
		}
	}

	@Test
	void whenStatwallRestartsWhileAnAlertFiresThenItIsNotSentAgainAndResolvesWhenTheConditionCleared(@TempDir Path dir)
			throws Exception {
		Rule memory = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		Rule cpu = AlertFixture.above("cpu_busy", "cpu.usage", 90, Duration.ZERO, null);
		MutableClock clock = new MutableClock(AlertFixture.START);
		try (AlertFixture alerts = new AlertFixture(clock, List.of(memory, cpu), null, Files.createDirectories(dir))) {
			alerts.clock.advance(Duration.ofSeconds(1));
			alerts.sample("pi-1", Map.of("memory.usage", 95.0, "cpu.usage", 95.0));
			alerts.evaluator.evaluate();
			assertThat(alerts.received(2)).containsExactlyInAnyOrder("firing memory_high pi-1", "firing cpu_busy pi-1");
			await().until(() -> alerts.board.activeInstances().stream().allMatch(AlertInstance::owesNothing));

			alerts.restart();
			assertThat(alerts.board.active()).as("restored from the store").hasSize(2)
				.allMatch((view) -> view.state() == AlertState.FIRING);
			// while it was down, memory came back down; the CPU is still busy
			alerts.clock.advance(Duration.ofSeconds(20));
			alerts.sample("pi-1", Map.of("memory.usage", 40.0, "cpu.usage", 97.0));
			alerts.evaluator.evaluate();
			assertThat(alerts.received(3)).containsExactlyInAnyOrder("firing memory_high pi-1", "firing cpu_busy pi-1",
					"resolved memory_high pi-1");
			alerts.tick(Duration.ofSeconds(5));
			assertThat(alerts.receiver.received).hasSize(3);
			assertThat(alerts.changes()).containsExactlyInAnyOrder("firing memory_high pi-1", "firing cpu_busy pi-1",
					"resolved memory_high pi-1");
		}
	}

	@Test
	void whenTheReceiverWasDownAtARestartThenWhatItWasOwedIsDeliveredAfterIt(@TempDir Path dir) {
		Rule memory = AlertFixture.above("memory_high", "memory.usage", 90, Duration.ZERO, null);
		try (AlertFixture alerts = new AlertFixture(new MutableClock(AlertFixture.START), List.of(memory), null, dir)) {
			alerts.receiver.down = true;
			alerts.second("pi-1", "memory.usage", 95);
			await().until(() -> alerts.receiver.failures.get() >= 2);
			alerts.restart();
			alerts.receiver.down = false;
			alerts.tick(Duration.ofSeconds(1));
			assertThat(alerts.received(1)).containsExactly("firing memory_high pi-1");
			await().until(() -> alerts.board.activeInstances().stream().allMatch(AlertInstance::owesNothing));
			alerts.restart();
			alerts.tick(Duration.ofSeconds(1));
			alerts.tick(Duration.ofSeconds(1));
			assertThat(alerts.receiver.received).as("delivered once, not again after the next restart").hasSize(1);
		}
	}

}
