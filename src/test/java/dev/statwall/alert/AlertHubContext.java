package dev.statwall.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.statwall.hub.NodeRegistry;
import dev.statwall.testing.FakeProbeConfiguration;
import dev.statwall.testing.WebhookReceiver;
import dev.statwall.wire.SampleBatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub context for every alert test that needs one (API, receivers, pages, browser): a real
 * webhook receiver and a real SMTP server (GreenMail) on loopback, two rules, and samples taken
 * through the hub's own registry. Test classes extend it to share the context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=admin-token", "statwall.hub.sample-self=false",
				"statwall.sampling.interval=1h", "statwall.alerts.default-rules=false",
				"statwall.alerts.rules[0].name=memory_high", "statwall.alerts.rules[0].metric=memory.usage",
				"statwall.alerts.rules[0].above=90", "statwall.alerts.rules[0].severity=critical",
				"statwall.alerts.rules[0].summary={{percent usage}} memory used on {{node}} ({{text system.os}})",
				"statwall.alerts.rules[1].name=disk_full", "statwall.alerts.rules[1].metric=fs.*.usage",
				"statwall.alerts.rules[1].above=90", "statwall.alerts.retry-initial=50ms",
				"statwall.alerts.retry-max=200ms", "statwall.alerts.external-url=http://statwall.example",
"statwall.alerts.email.to=ops@example.org",
				"statwall.alerts.email.from=statwall@example.org", "spring.mail.host=127.0.0.1" })
@Import(FakeProbeConfiguration.class)
abstract class AlertHubContext {

	static final WebhookReceiver WEBHOOK = webhook();

	static final GreenMail SMTP = smtp();

	private static final Map<String, Long> SEQS = new java.util.concurrent.ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	NodeRegistry nodes;

	@Autowired
	AlertRunner runner;

	@Autowired
	AlertBoard board;

	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("statwall-alerts").toString();
		registry.add("statwall.data-dir", () -> dir);
		// a list comes from one property source as a whole: url and token together
		registry.add("statwall.alerts.webhooks[0].url", () -> WEBHOOK.url("/hook"));
		registry.add("statwall.alerts.webhooks[0].token", () -> "hook-secret");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	/** One sample of a node, now, through the hub's registry as an agent's batch would come. */
	void sample(String node, Map<String, Double> values, Map<String, String> texts) {
		String[] metrics = values.keySet().toArray(new String[0]);
		double[][] columns = new double[metrics.length][1];
		for (int i = 0; i < metrics.length; i++) {
			columns[i][0] = values.get(metrics[i]);
		}
		long now = System.currentTimeMillis();
		long seq = SEQS.merge(node, 1L, Long::sum);
		this.nodes.ingest(new SampleBatch(1, node, "run-" + node, 1000, 0, new long[] { seq }, new long[] { now }, metrics,
				columns, texts, Map.of()));
	}

	void evaluate() throws Exception {
		this.runner.evaluateNow();
	}

	private static WebhookReceiver webhook() {
		try {
			WebhookReceiver receiver = new WebhookReceiver();
			Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GreenMail smtp() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

}
