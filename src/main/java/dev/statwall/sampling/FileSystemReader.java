package dev.statwall.sampling;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Space on each real mount, as {@code df} shows it, and the {@code filesystems} table.
 * <p>
 * OSHI lists the local mounts (a few milliseconds, so only at discovery); each read then asks only
 * for the space of the known mounts, one statvfs call each.
 */
final class FileSystemReader implements Area {

	static final List<String> COLUMNS = List.of("mount", "type", "used", "total", "usage");

	private final FileSystem fileSystem;

	private final Predicate<String> ignoredType;

	private final Predicate<String> ignoredMount;

	private List<Mount> mounts = List.of();

	private volatile List<Metric> metrics = List.of();

	FileSystemReader(FileSystem fileSystem, FileSystemProperties properties) {
		this.fileSystem = fileSystem;
		this.ignoredType = Glob.anyOf(properties.ignoreTypes());
		this.ignoredMount = Glob.anyOf(properties.ignoreMounts());
	}

	@Override
	public String name() {
		return "filesystems";
	}

	@Override
	public void discover() {
		// local only: statvfs on a network mount whose server is gone blocks the sampler
		List<OSFileStore> stores = new ArrayList<>(this.fileSystem.getFileStores(true));
		stores.sort(Comparator.comparingInt((OSFileStore store) -> store.getMount().length()));
		Map<String, Mount> byVolume = new LinkedHashMap<>();
		for (OSFileStore store : stores) {
			String mount = store.getMount();
			if (mount.isEmpty() || this.ignoredType.test(store.getType()) || this.ignoredMount.test(mount)) {
				continue;
			}
			// a bind mount shows the same space again: keep the shortest mount of each volume
			String volume = store.getVolume().isEmpty() ? mount : store.getVolume();
			byVolume.putIfAbsent(volume, new Mount(mount, store.getType()));
		}
		List<Mount> found = new ArrayList<>(byVolume.values());
		found.sort(Comparator.comparing((Mount m) -> m.path));
		List<Metric> list = new ArrayList<>();
		for (Mount mount : found) {
			list.add(new Metric(mount.usedName, Unit.BYTES, "Space used on " + mount.path + " (total - free)"));
			list.add(new Metric(mount.totalName, Unit.BYTES, "Size of " + mount.path));
			list.add(new Metric(mount.usageName, Unit.PERCENT,
					"Used / (used + available to users) on " + mount.path + ", as df shows it"));
		}
		this.mounts = List.copyOf(found);
		this.metrics = List.copyOf(list);
	}

	@Override
	public List<Metric> metrics() {
		return this.metrics;
	}

	@Override
	public void read(Readout out) {
		Map<String, List<Object>> rows = new LinkedHashMap<>();
		for (Mount mount : this.mounts) {
			long total = mount.file.getTotalSpace();
			long free = mount.file.getFreeSpace();
			long available = mount.file.getUsableSpace();
			if (total <= 0) {
				// unmounted since the last discovery, or not readable
				out.value(mount.usedName, Double.NaN);
				out.value(mount.totalName, Double.NaN);
				out.value(mount.usageName, Double.NaN);
				continue;
			}
			long used = Math.max(0, total - free);
			double usage = Unit.PERCENT.round(Rates.percent((double) used, (double) (used + available)));
			out.value(mount.usedName, (double) used);
			out.value(mount.totalName, (double) total);
			out.value(mount.usageName, usage);
			rows.put(mount.path, List.of(mount.path, mount.type, used, total, usage));
		}
		out.table("filesystems", new Table(COLUMNS, rows));
	}

	/** A mount with its metric names made once. */
	private static final class Mount {

		final String path;

		final String type;

		final File file;

		final String usedName;

		final String totalName;

		final String usageName;

		Mount(String path, String type) {
			this.path = path;
			this.type = type;
			this.file = new File(path);
			this.usedName = "fs." + path + ".used";
			this.totalName = "fs." + path + ".total";
			this.usageName = "fs." + path + ".usage";
		}

	}

}
