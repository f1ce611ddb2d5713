package dev.statwall.sampling;

import oshi.util.linux.ProcPath;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import oshi.software.common.os.linux.nativefree.LinuxOperatingSystemNF;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Process and thread counts, and the {@code processes.top} table: the union of the top processes
 * by CPU and by resident memory.
 * <p>
 * CPU is in percent of one core, as top shows it, from each process's ticks between two reads. On
 * Linux a read costs one /proc/[pid]/stat per process; name, user and command line are read only
 * for the processes that make the table, and again only every discovery interval. OSHI reads all
 * of that for every process on every update (5-9 ms here).
 */
final class ProcessReader implements Area {

	static final List<String> COLUMNS = List.of("pid", "name", "user", "cpu", "memory", "command");

	static final int COMMAND_LIMIT = 200;

	/** The kernel cuts a process's comm name to 15 characters. */
	private static final int COMM_LIMIT = 15;

	private static final List<Metric> METRICS = List.of(
			new Metric("processes.count", Unit.COUNT, "Processes running on this node"),
			new Metric("threads.count", Unit.COUNT, "Threads of all processes"));

	private static final Comparator<Proc> BY_CPU = (a, b) -> Double.compare(orZero(b.cpu), orZero(a.cpu));

	private static final Comparator<Proc> BY_MEMORY = (a, b) -> Long.compare(b.memory, a.memory);

	private final OperatingSystem os;

	private final int top;

	private final long refreshNanos;

	private final boolean linux;

	private final long hz;

	private final long pageSize;

	private final CommandLineMask mask;

	private final File proc = new File(ProcPath.PROC);

	private final ProcFile file = new ProcFile(4096);

	private final Map<String, Proc> processes = new HashMap<>();

	private final List<Proc> live = new ArrayList<>();

	private Map<Long, String> users = Map.of();

	private long reads;

	private long previousNanos = Rates.UNKNOWN;

	private int cores = 1;

	ProcessReader(OperatingSystem os, int top, Duration refresh, boolean linux, CommandLineMask mask) {
		this.os = os;
		this.mask = mask;
		this.top = top;
		this.refreshNanos = refresh.toNanos();
		this.linux = linux;
		this.hz = linux ? LinuxOperatingSystemNF.hz() : 100;
		this.pageSize = linux ? LinuxOperatingSystemNF.pageSize() : 4096;
	}

	@Override
	public String name() {
		return "processes";
	}

	@Override
	public void discover() {
		this.cores = Math.max(1, Runtime.getRuntime().availableProcessors());
		if (this.linux) {
			this.users = readUsers();
		}
	}

	@Override
	public List<Metric> metrics() {
		return METRICS;
	}

	@Override
	public void read(Readout out) {
		this.reads++;
		long now = System.nanoTime();
		long elapsed = (this.previousNanos == Rates.UNKNOWN) ? 0 : now - this.previousNanos;
		this.previousNanos = now;
		this.live.clear();
		long threads = this.linux ? readProc(elapsed) : readOshi();
		this.processes.values().removeIf((process) -> process.lastSeen != this.reads);
		out.value("processes.count", this.live.size());
		out.value("threads.count", (double) threads);
		out.table("processes.top", topTable(now));
	}

	private long readProc(long elapsed) {
		String[] names = this.proc.list();
		if (names == null) {
			throw new IllegalStateException("/proc cannot be listed");
		}
		long threads = 0;
		for (String pid : names) {
			char first = pid.charAt(0);
			if (first < '0' || first > '9') {
				continue;
			}
			Proc process = this.processes.get(pid);
			if (process == null) {
				process = new Proc(pid);
				this.processes.put(pid, process);
			}
			ProcFile stat = this.file;
			if (!stat.load(process.statPath)) {
				continue; // exited since the listing
			}
			// the name may hold spaces and parentheses: the fields start after the last ')'
			int close = stat.lastIndexOf(')');
			int comm = stat.hash(stat.indexOf('(', 0) + 1, close);
			stat.position(close + 1);
			stat.skipFields(11); // state .. cmajflt
			long ticks = stat.nextLong() + stat.nextLong(); // utime + stime
			stat.skipFields(4); // cutime cstime priority nice
			long threadCount = stat.nextLong();
			stat.skipFields(1);
			long started = stat.nextLong();
			stat.skipFields(1);
			long rss = stat.nextLong();
			if (process.started != started) {
				// new, or a new process under a reused pid: nothing of the old one applies
				process.reset(started, (this.reads == 1) ? Rates.UNKNOWN : 0);
			}
			else if (process.comm != comm) {
				// it ran another program (exec; seen first between fork and exec): read its name again
				process.detailsNanos = Rates.UNKNOWN;
			}
			process.comm = comm;
			process.cpu = (process.ticks < 0 || elapsed <= 0) ? Double.NaN
					: Math.min(100.0 * this.cores, Math.max(0, ticks - process.ticks) * 100.0 * 1e9 / (this.hz * elapsed));
			process.ticks = ticks;
			process.memory = rss * this.pageSize;
			process.lastSeen = this.reads;
			this.live.add(process);
			threads += threadCount;
		}
		return threads;
	}

	private long readOshi() {
		long threads = 0;
		for (OSProcess osProcess : this.os.getProcesses()) {
			String pid = Integer.toString(osProcess.getProcessID());
			Proc process = this.processes.get(pid);
			if (process == null || process.started != osProcess.getStartTime()) {
				process = new Proc(pid);
				process.reset(osProcess.getStartTime(), Rates.UNKNOWN);
				this.processes.put(pid, process);
			}
			long ticks = osProcess.getKernelTime() + osProcess.getUserTime(); // milliseconds
			long upTime = osProcess.getUpTime();
			process.cpu = (process.ticks < 0 || upTime <= process.upTime) ? Double.NaN
					: Math.min(100.0 * this.cores, 100.0 * Math.max(0, ticks - process.ticks) / (upTime - process.upTime));
			process.ticks = ticks;
			process.upTime = upTime;
			process.memory = osProcess.getResidentMemory();
			process.osProcess = osProcess;
			process.lastSeen = this.reads;
			this.live.add(process);
			threads += osProcess.getThreadCount();
		}
		return threads;
	}

	private Table topTable(long now) {
		Map<String, List<Object>> rows = new LinkedHashMap<>();
		this.live.sort(BY_CPU);
		addTop(rows, now);
		this.live.sort(BY_MEMORY);
		addTop(rows, now);
		return new Table(COLUMNS, rows);
	}

	private void addTop(Map<String, List<Object>> rows, long now) {
		int count = Math.min(this.top, this.live.size());
		for (int i = 0; i < count; i++) {
			Proc process = this.live.get(i);
			if (rows.containsKey(process.pid)) {
				continue;
			}
			if (process.detailsNanos == Rates.UNKNOWN || now - process.detailsNanos >= this.refreshNanos) {
				if (this.linux) {
					readDetails(process);
				}
				else if (process.osProcess != null) {
					// OSHI looks these up lazily; asking for every process would cost more than the rest
					OSProcess osProcess = process.osProcess;
					process.name = osProcess.getName();
					process.user = osProcess.getUser();
					List<String> arguments = osProcess.getArguments();
					if (arguments.isEmpty() && !osProcess.getCommandLine().isBlank()) {
						arguments = List.of(osProcess.getCommandLine());
					}
					process.command = arguments.isEmpty() ? "[" + process.name + "]" : cut(this.mask.show(arguments));
				}
				process.detailsNanos = now;
			}
			rows.put(process.pid, List.of(process.pidNumber, process.name, process.user, Unit.PERCENT.round(process.cpu),
					this.linux ? resident(process) : process.memory, process.command));
		}
	}

	/**
	 * Resident memory as top and psutil show it: /proc/[pid]/statm's resident pages, which the
	 * kernel sums exactly; stat's rss, read for every process to rank them, can lag behind it.
	 * Read for the table's rows only.
	 */
	private long resident(Proc process) {
		ProcFile statm = this.file;
		if (!statm.load(process.statmPath)) {
			return process.memory; // exited since its stat was read
		}
		statm.nextLong(); // size
		long pages = statm.nextLong();
		return (pages >= 0) ? pages * this.pageSize : process.memory;
	}

	/** Name, user and command line: slow to change, so read for the table's rows only. */
	private void readDetails(Proc process) {
		ProcFile file = this.file;
		String comm = file.load(process.path + "/comm") ? file.text(0, file.length()).strip() : process.name;
		List<String> arguments = List.of();
		if (file.load(process.path + "/cmdline") && file.length() > 0) {
			arguments = arguments(file.text(0, file.length()));
		}
		String argv0 = arguments.isEmpty() ? "" : arguments.get(0);
		// comm is cut to 15 characters; the program's own name from argv[0] is whole
		String base = argv0.substring(argv0.lastIndexOf('/') + 1);
		process.name = (comm.length() >= COMM_LIMIT && base.startsWith(comm)) ? base : comm;
		// masked (or hidden) here, on the node that reads it, before it is sent or shown
		process.command = arguments.isEmpty() ? "[" + comm + "]" : cut(this.mask.show(arguments));
		long uid = -1;
		if (file.load(process.path + "/status")) {
			int at = file.indexOf("\nUid:", 0);
			if (at >= 0) {
				file.position(at + 5);
				uid = file.nextLong();
			}
		}
		String user = this.users.get(uid);
		process.user = (user != null) ? user : (uid >= 0) ? Long.toString(uid) : "";
	}

	private Map<Long, String> readUsers() {
		Map<Long, String> users = new HashMap<>();
		ProcFile passwd = new ProcFile(4096);
		if (passwd.load("/etc/passwd") && passwd.length() > 0) {
			do {
				String name = passwd.nextUntil(':');
				passwd.nextUntil(':'); // password
				int start = passwd.position();
				long uid = passwd.nextLong();
				if (!name.isEmpty() && uid >= 0 && passwd.position() > start) {
					users.putIfAbsent(uid, name);
				}
			}
			while (passwd.nextLine());
		}
		return users;
	}

	/** The NUL-separated arguments of /proc/[pid]/cmdline; a process that rewrote it may use spaces. */
	static List<String> arguments(String cmdline) {
		List<String> arguments = new ArrayList<>();
		int start = 0;
		while (start < cmdline.length()) {
			int end = cmdline.indexOf('\0', start);
			if (end < 0) {
				end = cmdline.length();
			}
			if (end > start) {
				arguments.add(cmdline.substring(start, end));
			}
			start = end + 1;
		}
		return arguments;
	}

	static String cut(String command) {
		return (command.length() <= COMMAND_LIMIT) ? command : command.substring(0, COMMAND_LIMIT);
	}

	private static double orZero(double cpu) {
		return Double.isNaN(cpu) ? -1 : cpu;
	}

	/** What is known of one process between reads. */
	private static final class Proc {

		final String pid;

		final Integer pidNumber;

		final String path;

		final String statPath;

		final String statmPath;

		long started = Rates.UNKNOWN;

		/** A hash of the kernel's name of it, which changes when it runs another program. */
		int comm;

		long ticks = Rates.UNKNOWN;

		long upTime;

		double cpu = Double.NaN;

		long memory;

		long lastSeen;

		long detailsNanos = Rates.UNKNOWN;

		String name = "";

		String user = "";

		String command = "";

		/** The OSHI process of the latest read, where OSHI reads processes. */
		@Nullable OSProcess osProcess;

		Proc(String pid) {
			this.pid = pid;
			this.pidNumber = Integer.valueOf(pid);
			this.path = ProcPath.PROC + "/" + pid;
			this.statPath = this.path + "/stat";
			this.statmPath = this.path + "/statm";
		}

		void reset(long started, long ticks) {
			this.started = started;
			this.ticks = ticks;
			this.cpu = Double.NaN;
			this.detailsNanos = Rates.UNKNOWN;
			this.name = "";
			this.user = "";
			this.command = "";
			this.osProcess = null;
		}

	}

}
