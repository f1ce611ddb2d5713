package dev.statwall.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/** Opens the store's file; one that cannot be read is moved aside, so statwall starts empty instead of not at all. */
final class StoreFiles {

	private static final Log logger = LogFactory.getLog(StoreFiles.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private StoreFiles() {
	}

	static MvBlocks openOrMoveAside(Path file, Clock clock) {
		try {
			return new MvBlocks(file);
		}
		catch (MVStoreException | IllegalStateException | ClassCastException | CorruptBlockException ex) {
			if (ex instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new StoreOpenException("'" + file + "' is in use by another process: is statwall already "
						+ "running with this statwall.data-dir?", ex);
			}
			Path aside = file.resolveSibling(file.getFileName() + ".unreadable-"
					+ STAMP.format(Instant.ofEpochMilli(clock.millis())));
			try {
				Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException moveFailed) {
				StoreOpenException failure = new StoreOpenException("'" + file + "' cannot be read (" + ex.getMessage()
						+ ") and cannot be moved aside to '" + aside + "': " + moveFailed, moveFailed);
				failure.addSuppressed(ex);
				throw failure;
			}
			logger.error("The history store '" + file + "' cannot be read (" + ex.getMessage() + "); it was moved to '"
					+ aside + "' and statwall starts with an empty history");
			return new MvBlocks(file);
		}
	}

}
