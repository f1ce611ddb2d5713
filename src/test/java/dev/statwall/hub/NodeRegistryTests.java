package dev.statwall.hub;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.statwall.series.Row;
import dev.statwall.sampling.Table;
import dev.statwall.series.SampleStored;
import dev.statwall.hub.NodeRegistry.NodeForgotten;
import dev.statwall.hub.NodeRegistry.Taken;
import dev.statwall.wire.BadBatchException;
import dev.statwall.wire.SampleBatch;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class NodeRegistryTests {

	private final HubFixture hub = new HubFixture();

	@Test
	void whenAnAgentResendsWhatTheHubAlreadyHasThenEachSampleIsTakenOnce() {
		Taken first = this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 5));
		this.hub.clock.advance(Duration.ofSeconds(2));
		// the answer to the first batch was lost: the agent sends 4 and 5 again, with 6 and 7
		Taken second = this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 4, 4));
		Taken third = this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 4, 4));

		assertThat(first).isEqualTo(new Taken(5, 0, 5));
		assertThat(second).isEqualTo(new Taken(2, 2, 7));
		assertThat(third).isEqualTo(new Taken(0, 4, 7));
		assertThat(this.hub.taken("pi-07")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(cpuRows("pi-07")).hasSize(7);
	}

	@Test
	void whenAnAgentRestartsThenItsNewRunIsTakenFromSequenceOne() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 3));
		this.hub.clock.advance(Duration.ofSeconds(3)); // the old run is silent for stale-after
		Taken restarted = this.hub.nodes.ingest(this.hub.batch("pi-07", "run-2", 1, 1));

		assertThat(restarted).isEqualTo(new Taken(1, 0, 1));
		assertThat(this.hub.taken("pi-07")).containsExactly(1L, 2L, 3L, 1L);
	}

	@Test
	void whenALateBatchOfAReplacedRunArrivesThenItIsIgnored() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 3));
		this.hub.clock.advance(Duration.ofSeconds(3));
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-2", 1, 1));
		Taken late = this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 4, 2));

		assertThat(late).isEqualTo(new Taken(0, 2, 1));
		assertThat(this.hub.taken("pi-07")).containsExactly(1L, 2L, 3L, 1L);
	}

	@Test
	void whenANodeWasSilentThenAGapRowBreaksItsChartsInsteadOfALineAcrossTheSilence() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 3));
		this.hub.clock.advance(Duration.ofSeconds(40));
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 4, 1));

		List<Row> rows = cpuRows("pi-07");
		assertThat(rows).hasSize(5);
		Row gap = rows.get(3);
		assertThat(gap.value(0)).as("n/a: the chart breaks here").isNaN();
		assertThat(gap.time()).isEqualTo(rows.get(2).time() + 1000);
		assertThat(rows.get(4).value(0)).isEqualTo(4.0);
		assertThat(this.hub.taken("pi-07")).as("the gap is not a sample").containsExactly(1L, 2L, 3L, 4L);
		// one event per sample taken; the fourth carries the gap and the sample
		assertThat(this.hub.events).filteredOn(SampleStored.class::isInstance).hasSize(4);
	}

	@Test
	void whenTimePassesWithoutSamplesThenTheNodeGoesStaleThenOfflineAndComesBackWithItsNextSample() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 1));
		assertThat(status("pi-07")).isEqualTo(NodeStatus.ONLINE);
		this.hub.clock.advance(Duration.ofMillis(2_999));
		assertThat(status("pi-07")).isEqualTo(NodeStatus.ONLINE);
		this.hub.clock.advance(Duration.ofMillis(1));
		assertThat(status("pi-07")).isEqualTo(NodeStatus.STALE);
		this.hub.clock.advance(Duration.ofSeconds(27));
		assertThat(status("pi-07")).isEqualTo(NodeStatus.OFFLINE);
		assertThat(this.hub.nodes.find("pi-07").orElseThrow().vitals().cpu()).as("last values stay").isEqualTo(1.0);
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 2, 1));
		assertThat(status("pi-07")).isEqualTo(NodeStatus.ONLINE);
	}

	@Test
	void whenForgettingANodeThatIsNotOfflineThenTheHubRefusesAndSaysWhy() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 1));
		this.hub.clock.advance(Duration.ofSeconds(5));
		assertThatExceptionOfType(NodeRegistry.NodeNotOfflineException.class)
			.isThrownBy(() -> this.hub.nodes.forget("pi-07"))
			.withMessage("node 'pi-07' is stale (last seen 5 s ago); only an offline node can be forgotten");
		assertThatExceptionOfType(NodeRegistry.UnknownNodeException.class).isThrownBy(() -> this.hub.nodes.forget("nope"));
	}

	@Test
	void whenForgettingAnOfflineNodeThenItsStatusAndBuffersAreGone() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 2));
		this.hub.nodes.ingest(this.hub.batch("pi-08", "run-1", 1, 2));
		this.hub.clock.advance(Duration.ofMinutes(1));
		this.hub.nodes.forget("pi-07");

		assertThat(this.hub.nodes.find("pi-07")).isEmpty();
		assertThat(this.hub.store.node("pi-07")).isEmpty();
		assertThat(this.hub.store.node("pi-08")).isPresent();
		assertThat(this.hub.events).contains(new NodeForgotten("pi-07"));
		// it comes back as a new node if its agent ever sends again
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 3, 1));
		assertThat(this.hub.taken("pi-07")).containsExactly(3L);
	}

	@Test
	void whenASampleIsFromTheFutureOrFromLongAgoThenTheBatchIsRefusedWithTheClockDifference() {
		SampleBatch future = this.hub.batch("pi-07", "run-1", 1, 1);
		future.time()[0] += Duration.ofMinutes(6).toMillis();
		assertThatExceptionOfType(BadBatchException.class).isThrownBy(() -> this.hub.nodes.ingest(future))
			.withMessageContaining("sample 1 is from the future")
			.withMessageContaining("6 min ahead of the hub's clock, more than statwall.hub.max-ahead (5 min)");
		SampleBatch old = this.hub.batch("pi-07", "run-1", 1, 1);
		old.time()[0] -= Duration.ofHours(25).toMillis();
		assertThatExceptionOfType(BadBatchException.class).isThrownBy(() -> this.hub.nodes.ingest(old))
			.withMessageContaining("sample 1 is too old").withMessageContaining("25 h behind");
		assertThat(this.hub.nodes.find("pi-07")).as("nothing of a refused batch is kept").isEmpty();
	}

	@Test
	void whenTheHubHoldsAsManyNodesAsItMayThenANewOneWaitsUntilAnOfflineNodeIsForgotten() {
		HubFixture small = new HubFixture(HubFixture.properties(), new HubLimits(2, 100, 4));
		small.nodes.ingest(small.batch("a", "run-1", 1, 1));
		small.nodes.ingest(small.batch("b", "run-1", 1, 1));
		assertThatExceptionOfType(NodeRegistry.NodeLimitException.class)
			.isThrownBy(() -> small.nodes.ingest(small.batch("c", "run-1", 1, 1)))
			.withMessageContaining("statwall.hub.max-nodes (2)");
		assertThat(small.nodes.find("c")).as("nothing of it kept").isEmpty();
		small.nodes.ingest(small.batch("a", "run-1", 2, 1)); // a known node goes on
		small.clock.advance(Duration.ofMinutes(1));
		small.nodes.forget("b");
		assertThat(small.nodes.ingest(small.batch("c", "run-1", 1, 1)).taken()).isEqualTo(1);
	}

	@Test
	void whenANodeReportsMoreMetricsOrTablesThanItMayThenTheBatchIsRefusedNamingTheLimitAndChangesNothing() {
		HubFixture small = new HubFixture(HubFixture.properties(), new HubLimits(10, 3, 1));
		small.nodes.ingest(small.batch("a", "run-1", 1, 1)); // two metrics
		SampleBatch more = new SampleBatch(1, "a", "run-1", 1000, 0, new long[] { 2 },
				new long[] { small.clock.millis() }, new String[] { "x.one", "x.two" }, new double[][] { { 1 }, { 2 } },
				Map.of(), Map.of());
		assertThatExceptionOfType(BadBatchException.class).isThrownBy(() -> small.nodes.ingest(more))
			.withMessageContaining("statwall.hub.max-metrics (3)");
		assertThat(small.store.node("a").orElseThrow().metrics()).hasSize(2);
		assertThat(small.store.node("a").orElseThrow().lastSeq()).isEqualTo(1);
		Table table = new Table(List.of("k"), Map.of());
		SampleBatch tables = new SampleBatch(1, "a", "run-1", 1000, 0, new long[] { 2 },
				new long[] { small.clock.millis() }, new String[0], new double[0][], Map.of(),
				Map.of("one", table, "two", table));
		assertThatExceptionOfType(BadBatchException.class).isThrownBy(() -> small.nodes.ingest(tables))
			.withMessageContaining("statwall.hub.max-tables (1)");
	}

	@Test
	void whenATableComesAgainUnchangedThenItsSequenceNumberStaysAndNoChangeIsPublished() {
		Table top = new Table(List.of("name", "cpu"), Map.of("1", List.of("init", 0.0), "42", List.of("java", 12.5)));
		this.hub.nodes.ingest(tableBatch(1, top));
		long seq = this.hub.tables.find("pi-07", "processes.top").lastSeq();
		this.hub.events.clear();

		this.hub.clock.advance(Duration.ofSeconds(1));
		this.hub.nodes.ingest(tableBatch(2, new Table(List.of("name", "cpu"),
				Map.of("42", List.of("java", 12.5), "1", List.of("init", 0.0)))));

		assertThat(this.hub.tables.find("pi-07", "processes.top").lastSeq()).as("a browser would see a gap").isEqualTo(seq);
		assertThat(this.hub.events).filteredOn(SampleStored.class::isInstance)
			.map((event) -> ((SampleStored) event).tables())
			.containsExactly(Map.of());

		this.hub.clock.advance(Duration.ofSeconds(1));
		this.hub.nodes.ingest(tableBatch(3, new Table(List.of("name", "cpu"), Map.of("42", List.of("java", 3.0)))));
		assertThat(this.hub.tables.find("pi-07", "processes.top").lastSeq()).isEqualTo(seq + 1);
	}

	@Test
	void whenATableChangesItsColumnsThenItsNumberingLeavesAGapSoBrowsersFetchItAgain() {
		this.hub.nodes.ingest(tableBatch(1, new Table(List.of("name", "cpu"), Map.of("1", List.of("init", 0.0)))));
		long seq = this.hub.tables.find("pi-07", "processes.top").lastSeq();
		this.hub.clock.advance(Duration.ofSeconds(1));
		this.hub.nodes.ingest(tableBatch(2, new Table(List.of("name", "memory"), Map.of("1", List.of("init", 1.0)))));

		assertThat(this.hub.tables.find("pi-07", "processes.top").lastSeq()).isEqualTo(seq + 2);
	}

	private SampleBatch tableBatch(long seq, Table table) {
		return new SampleBatch(1, "pi-07", "run-1", 1000, 0, new long[] { seq }, new long[] { this.hub.clock.millis() },
				new String[] { "cpu.usage" }, new double[][] { { 1 } }, Map.of(), Map.of("processes.top", table));
	}

	@Test
	void whenASampleIsOlderThanTheNodesNewestThenTheBatchIsRefusedAndNothingOfItIsTaken() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 3));
		this.hub.clock.advance(Duration.ofSeconds(3)); // run-1 silent: a new run may take the node
		SampleBatch older = this.hub.batch("pi-07", "run-2", 1, 2);
		older.time()[0] -= 63_000;
		older.time()[1] -= 63_000;
		assertThatExceptionOfType(BadBatchException.class).isThrownBy(() -> this.hub.nodes.ingest(older))
			.withMessageContaining("older than the newest sample");
		assertThat(this.hub.taken("pi-07")).containsExactly(1L, 2L, 3L);
		assertThat(this.hub.store.node("pi-07").orElseThrow().run()).isEqualTo("run-1");
	}

	@Test
	void whenASecondRunClaimsANodeWhoseRunStillSendsThenItIsRefusedSaidOnceAndTheNodeKeepsItsRun(CapturedOutput output) {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 3));
		this.hub.clock.advance(Duration.ofMillis(2_999));
		for (int retry = 0; retry < 3; retry++) {
			assertThatExceptionOfType(NodeInUseException.class)
				.isThrownBy(() -> this.hub.nodes.ingest(this.hub.batch("pi-07", "run-2", 1, 1)))
				.withMessageContaining("node 'pi-07' belongs to another agent run that is still sending (last heard 2 s ago)")
				.withMessageContaining("statwall.hub.stale-after (3 s)")
				.withMessageContaining("same statwall.node-name");
		}
		assertThat(this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 4, 1))).as("the first run goes on")
			.isEqualTo(new Taken(1, 0, 4));
		assertThat(this.hub.taken("pi-07")).containsExactly(1L, 2L, 3L, 4L);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Refused agent run run-2")))
			.as("the hub says it once, not at every retry").hasSize(1);
		this.hub.clock.advance(Duration.ofMillis(100));
		assertThatExceptionOfType(NodeInUseException.class)
			.isThrownBy(() -> this.hub.nodes.ingest(this.hub.batch("pi-07", "run-3", 1, 1)));
		assertThat(output.getOut().lines().filter((line) -> line.contains("Refused agent run run-3")))
			.as("a new claim is a new conflict").hasSize(1);
	}

	@Test
	void whenTheRunThatHoldsANodeFallsSilentThenASecondRunTakesItOver() {
		this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 1, 3));
		this.hub.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(NodeInUseException.class)
			.isThrownBy(() -> this.hub.nodes.ingest(this.hub.batch("pi-07", "run-2", 1, 1)));
		this.hub.clock.advance(Duration.ofSeconds(2)); // three seconds since run-1 was heard: stale
		assertThat(this.hub.nodes.ingest(this.hub.batch("pi-07", "run-2", 1, 2))).isEqualTo(new Taken(2, 0, 2));
		assertThat(this.hub.nodes.ingest(this.hub.batch("pi-07", "run-1", 4, 1))).as("the replaced run is not taken again")
			.isEqualTo(new Taken(0, 1, 2));
		assertThat(this.hub.taken("pi-07")).containsExactly(1L, 2L, 3L, 1L, 2L);
	}

	private NodeStatus status(String node) {
		return this.hub.nodes.status(this.hub.nodes.find(node).orElseThrow());
	}

	private List<Row> cpuRows(String node) {
		return this.hub.store.recent(node, 100, 0, List.of("cpu.usage"));
	}

}
