package dev.statwall.agent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One kept-alive HTTP/1.1 connection to the hub's ingest API, for one sender thread: the
 * simulator's transport. Its thousands of requests a second made the JDK's
 * {@code HttpURLConnection} the simulator's largest cost (about 80 µs of CPU per request here,
 * against about 33 µs for this: docs/benchmarks.md): that builds a connection object, copies and
 * parses its headers and looks up its pool on every request. This writes each request in one
 * write, with headers made once, and reads the answer's status line, its {@code Content-Length}
 * or chunked body and {@code Connection: close}: all the ingest API answers with. Plain http
 * only; an https hub goes through {@link HubConnection}.
 */
public final class HubSocket implements Hub, Closeable {

	private static final byte[] CRLF2 = { '\r', '\n', '\r', '\n' };

	private final InetSocketAddress address;

	private final String ingest;

	private final byte[] head;

	private final int timeoutMillis;

	private byte[] request = new byte[4096];

	private @Nullable Socket socket;

	private @Nullable OutputStream out;

	private @Nullable InputStream in;

	private final StringBuilder line = new StringBuilder(128);

	public HubSocket(HubClientProperties client, Duration timeout) {
		URI url = client.requireUrl();
		if (!"http".equals(url.getScheme())) {
			throw new IllegalArgumentException("a hub socket speaks plain http, not " + url.getScheme());
		}
		int port = (url.getPort() > 0) ? url.getPort() : 80;
		this.address = InetSocketAddress.createUnresolved(url.getHost(), port);
		String path = url.getRawPath().replaceAll("/+$", "") + HubConnection.INGEST;
		this.ingest = "http://" + url.getHost() + ":" + port + path;
		this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port + "\r\nAuthorization: Bearer "
				+ client.requireToken() + "\r\nContent-Type: application/json\r\nContent-Length: ")
			.getBytes(StandardCharsets.UTF_8);
		this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
	}

	/**
	 * The transport for one sender: this on a plain http hub, otherwise the shared
	 * {@link HubConnection}, which knows TLS.
	 */
	public static Hub forSender(HubClientProperties client, Duration timeout, HubConnection shared) {
		return "http".equals(client.requireUrl().getScheme()) ? new HubSocket(client, timeout) : shared;
	}

	@Override
	public Answer post(byte[] body) throws IOException {
		boolean reused = this.socket != null;
		try {
			return exchange(body);
		}
		catch (IOException ex) {
			close();
			if (!reused) {
				throw ex;
			}
			// the hub closed a kept-alive connection meanwhile: once more on a new one (a resent
			// batch the hub took already is a duplicate it drops, by sequence number)
			return exchange(body);
		}
	}

	private Answer exchange(byte[] body) throws IOException {
		if (this.socket == null) {
			connect();
		}
		OutputStream out = this.out;
		InputStream in = this.in;
		if (out == null || in == null) {
			throw new IOException("not connected to " + this.ingest);
		}
		byte[] length = (body.length + "").getBytes(StandardCharsets.US_ASCII);
		int size = this.head.length + length.length + CRLF2.length + body.length;
		if (this.request.length < size) {
			this.request = new byte[Math.max(size, 2 * this.request.length)];
		}
		System.arraycopy(this.head, 0, this.request, 0, this.head.length);
		System.arraycopy(length, 0, this.request, this.head.length, length.length);
		System.arraycopy(CRLF2, 0, this.request, this.head.length + length.length, CRLF2.length);
		System.arraycopy(body, 0, this.request, size - body.length, body.length);
		out.write(this.request, 0, size);
		out.flush();
		return answer(in);
	}

	private void connect() throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(this.address.getHostString(), this.address.getPort()),
					this.timeoutMillis);
			socket.setSoTimeout(this.timeoutMillis);
			socket.setTcpNoDelay(true);
			this.out = socket.getOutputStream();
			this.in = new BufferedInputStream(socket.getInputStream(), 4096);
			this.socket = socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private Answer answer(InputStream in) throws IOException {
		String status = readLine(in);
		if (!status.startsWith("HTTP/1.") || status.length() < 12) {
			throw new IOException("not an HTTP answer from " + this.ingest + ": " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = status.startsWith("HTTP/1.0");
		for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
			int colon = header.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String value = header.substring(colon + 1).strip();
			if (header.regionMatches(true, 0, "Content-Length", 0, colon)) {
				length = Long.parseLong(value);
			}
			else if (header.regionMatches(true, 0, "Transfer-Encoding", 0, colon)) {
				chunked = value.equalsIgnoreCase("chunked");
			}
			else if (header.regionMatches(true, 0, "Connection", 0, colon)) {
				close = value.equalsIgnoreCase("close");
			}
		}
		String text;
		if (chunked) {
			text = chunks(in);
		}
		else if (length >= 0) {
			text = new String(in.readNBytes((int) Math.min(length, Integer.MAX_VALUE)), StandardCharsets.UTF_8);
		}
		else {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8); // ends with the connection
			close = true;
		}
		if (close) {
			close();
		}
		return new Answer(code, text);
	}

	private String chunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int size;
		while ((size = Integer.parseInt(readLine(in).split(";", 2)[0].strip(), 16)) > 0) {
			body.write(in.readNBytes(size));
			readLine(in);
		}
		while (!readLine(in).isEmpty()) {
			// trailers
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	private String readLine(InputStream in) throws IOException {
		StringBuilder line = this.line;
		line.setLength(0);
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new EOFException("the hub closed the connection");
			}
			if (c != '\r') {
				line.append((char) c);
			}
			if (line.length() > 8192) {
				throw new IOException("an answer line longer than 8 KB from " + this.ingest);
			}
		}
		return line.toString();
	}

	@Override
	public String address() {
		return this.ingest;
	}

	@Override
	public void close() {
		Socket socket = this.socket;
		this.socket = null;
		this.out = null;
		this.in = null;
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing: nothing left to do with it
			}
		}
	}

}
