package dev.statwall.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import dev.statwall.wire.SampleBatch;
import dev.statwall.wire.SampleBatchReader;

/**
 * A hub's ingest API over real HTTP whose answers a test scripts, to put senders through answers
 * a real hub gives only in trouble (413, 400, 401). It reads every body with the hub's own reader
 * and records what it took, in arrival order. It listens only once started, so a sender aimed at
 * it first finds nobody there, as after a hub's crash.
 */
public final class ScriptedHub implements AutoCloseable {

	public static final String TOKEN = "s3cret";

	private final int port;

	private final SampleBatchReader reader = new SampleBatchReader();

	private final List<Long> received = new CopyOnWriteArrayList<>();

	private final List<SampleBatch> taken = new CopyOnWriteArrayList<>();

	private final List<int[]> refused = new CopyOnWriteArrayList<>();

	private volatile ToIntFunction<SampleBatch> answers = (batch) -> 200;

	private @Nullable HttpServer server;

	public ScriptedHub() throws IOException {
		this.port = StatwallProcess.freePort();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** Starts listening; each batch is answered with the status {@code answers} gives it, 200 takes it. */
	public ScriptedHub start(ToIntFunction<SampleBatch> answers) throws IOException {
		this.answers = answers;
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		server.createContext("/api/v1/ingest", (exchange) -> {
			SampleBatch batch = this.reader.read(exchange.getRequestBody().readAllBytes());
			boolean token = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
			int status = token ? this.answers.applyAsInt(batch) : 401;
			if (status == 200) {
				this.taken.add(batch);
				LongStream.of(batch.seq()).forEach(this.received::add);
			}
			else {
				this.refused.add(new int[] { status, batch.size() });
			}
			byte[] body = ((status == 200) ? "{\"taken\":" + batch.size() + "}" : "{\"reason\":\"scripted " + status + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		this.server = server;
		return this;
	}

	/** From now on, answers this way. */
	public void answer(ToIntFunction<SampleBatch> answers) {
		this.answers = answers;
	}

	/** Sequence numbers of the samples taken, in the order they arrived. */
	public List<Long> received() {
		return List.copyOf(this.received);
	}

	/** Batches taken, in order. */
	public List<SampleBatch> taken() {
		return List.copyOf(this.taken);
	}

	/** Refusals: {status, samples in the batch}. */
	public List<int[]> refused() {
		return List.copyOf(this.refused);
	}

	@Override
	public void close() {
		HttpServer server = this.server;
		if (server != null) {
			server.stop(0);
		}
	}

}
