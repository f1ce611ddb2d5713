package dev.statwall.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;

/**
 * A log that keeps what it was told, so a test can count warnings: the one every test that hands
 * a {@link Log} to the code under test uses. Debug is on, trace off.
 */
public final class RecordingLog implements Log {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	public List<String> lines() {
		return this.lines;
	}

	/** The lines at {@code level}, each starting with the level: {@code WARN Hub ... cannot be reached}. */
	public List<String> at(String level) {
		return this.lines.stream().filter((line) -> line.startsWith(level + " ")).toList();
	}

	/** The messages at {@code level}, without the level. */
	public List<String> messages(String level) {
		return at(level).stream().map((line) -> line.substring(level.length() + 1)).toList();
	}

	private void add(String level, Object message) {
		this.lines.add(level + " " + message);
	}

	@Override
	public void debug(Object message) {
		add("DEBUG", message);
	}

	@Override
	public void debug(Object message, Throwable t) {
		add("DEBUG", message);
	}

	@Override
	public void error(Object message) {
		add("ERROR", message);
	}

	@Override
	public void error(Object message, Throwable t) {
		add("ERROR", message);
	}

	@Override
	public void fatal(Object message) {
		add("FATAL", message);
	}

	@Override
	public void fatal(Object message, Throwable t) {
		add("FATAL", message);
	}

	@Override
	public void info(Object message) {
		add("INFO", message);
	}

	@Override
	public void info(Object message, Throwable t) {
		add("INFO", message);
	}

	@Override
	public boolean isDebugEnabled() {
		return true;
	}

	@Override
	public boolean isErrorEnabled() {
		return true;
	}

	@Override
	public boolean isFatalEnabled() {
		return true;
	}

	@Override
	public boolean isInfoEnabled() {
		return true;
	}

	@Override
	public boolean isTraceEnabled() {
		return false;
	}

	@Override
	public boolean isWarnEnabled() {
		return true;
	}

	@Override
	public void trace(Object message) {
	}

	@Override
	public void trace(Object message, Throwable t) {
	}

	@Override
	public void warn(Object message) {
		add("WARN", message);
	}

	@Override
	public void warn(Object message, Throwable t) {
		add("WARN", message);
	}

}
