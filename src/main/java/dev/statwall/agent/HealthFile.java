package dev.statwall.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.apache.commons.logging.Log;

/**
 * The agent's health for container checks: it serves no HTTP, so it rewrites a small file while it
 * samples. Ready means it has its spool; a file older than a few writes means it stopped.
 */
final class HealthFile {

	private final Path path;

	private final int spoolCapacity;

	private final Log log;

	private boolean failed;

	HealthFile(Path path, int spoolCapacity, Log log) {
		this.path = path;
		this.spoolCapacity = spoolCapacity;
		this.log = log;
	}

	void write() {
		String status = "{\"status\":\"UP\",\"time\":\"" + Instant.now() + "\",\"spool\":{\"capacity\":"
				+ this.spoolCapacity + "}}\n";
		try {
			Path temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
			Files.writeString(temporary, status);
			// readers see the old file or the new one, never half of one
			Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			this.failed = false;
		}
		catch (IOException | RuntimeException ex) {
			if (!this.failed) {
				this.log.warn("Cannot write the health file " + this.path + "; container health checks will fail", ex);
				this.failed = true;
			}
		}
	}

}
