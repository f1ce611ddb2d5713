package dev.statwall.sampling;

import oshi.util.linux.SysPath;
import oshi.util.linux.ProcPath;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Network traffic per interface and in total. On Linux one read of /proc/net/dev gives every
 * interface's counters; OSHI's NetworkIF reads about twenty /sys files per interface.
 */
final class NetworkReader implements Area {

	/** The kernel's counters per interface, as /proc/net/dev has them. */
	private static final String[] COUNTERS = { "rx_bytes_total", "tx_bytes_total", "rx_packets_total",
			"tx_packets_total", "rx_errors_total", "tx_errors_total", "rx_drops_total", "tx_drops_total" };

	private static final Unit[] COUNTER_UNITS = { Unit.BYTES, Unit.BYTES, Unit.COUNT, Unit.COUNT, Unit.COUNT,
			Unit.COUNT, Unit.COUNT, Unit.COUNT };

	private static final String[] COUNTER_HELP = { "Bytes received", "Bytes sent", "Packets received", "Packets sent",
			"Receive errors", "Send errors", "Received packets dropped", "Packets dropped before sending" };

	/** Rates per interface: errors and drops add up both directions. */
	private static final String[] SUFFIXES = { "rx", "tx", "rx_packets", "tx_packets", "errors", "drops" };

	private static final String[] TOTALS = { "net.rx", "net.tx", "net.rx_packets", "net.tx_packets", "net.errors",
			"net.drops" };

	private static final Unit[] UNITS = { Unit.BYTES_PER_SECOND, Unit.BYTES_PER_SECOND, Unit.PER_SECOND,
			Unit.PER_SECOND, Unit.PER_SECOND, Unit.PER_SECOND };

	private static final String[] HELP = { "Bytes received per second", "Bytes sent per second",
			"Packets received per second", "Packets sent per second", "Receive and send errors per second",
			"Received and sent packets dropped per second" };

	/** IANA ifType of a software loopback, as OSHI reports it. */
	private static final int LOOPBACK_TYPE = 24;

	private final HardwareAbstractionLayer hardware;

	private final Predicate<String> excluded;

	private final Predicate<String> included;

	private final boolean linux;

	private final ProcFile file = new ProcFile(8192);

	private final Map<String, DeviceCounters> interfaces = new HashMap<>();

	private List<NetworkIF> oshiInterfaces = List.of();

	private final double[] counterRates = new double[COUNTERS.length];

	private final double[] rates = new double[SUFFIXES.length];

	private final double[] totals = new double[SUFFIXES.length];

	private long reads;

	private volatile List<Metric> metrics = List.of();

	NetworkReader(HardwareAbstractionLayer hardware, NetworkProperties properties, boolean linux) {
		this.hardware = hardware;
		this.excluded = Glob.anyOf(properties.excludeFromTotal());
		this.included = Glob.anyOf(properties.includeInTotal());
		this.linux = linux;
	}

	@Override
	public String name() {
		return "network";
	}

	@Override
	public void discover() {
		// forget interfaces not seen since the last discovery (a container's veth that went away)
		int before = this.interfaces.size();
		boolean removed = this.interfaces.values().removeIf((counters) -> counters.lastSeen < this.reads);
		if (this.linux) {
			ProcFile dev = this.file.require(ProcPath.NET + "/dev");
			dev.nextLine();
			while (dev.nextLine()) {
				dev.skipBlanks();
				String name = dev.nextUntil(':');
				if (!name.isEmpty()) {
					this.interfaces.computeIfAbsent(name, this::newInterface);
				}
			}
		}
		else {
			this.oshiInterfaces = this.hardware.getNetworkIFs(true);
			for (NetworkIF network : this.oshiInterfaces) {
				this.interfaces.computeIfAbsent(network.getName(), this::newInterface).physical = network
					.getIfType() != LOOPBACK_TYPE && !network.isKnownVmMacAddr();
			}
		}
		if (removed || this.interfaces.size() != before || this.metrics.isEmpty()) {
			interfacesChanged();
		}
	}

	private DeviceCounters newInterface(String name) {
		DeviceCounters counters = new DeviceCounters("net.", name, COUNTERS, SUFFIXES);
		counters.physical = this.linux && new File(SysPath.NET + name + "/device").exists();
		counters.lastSeen = this.reads;
		return counters;
	}

	/** Decides which interfaces count in the totals and lists the metrics again. */
	private void interfacesChanged() {
		boolean anyPhysical = this.interfaces.values().stream().anyMatch((counters) -> counters.physical);
		for (DeviceCounters counters : this.interfaces.values()) {
			String name = counters.device;
			counters.inTotal = this.included.test(name)
					|| (!this.excluded.test(name) && (counters.physical || !anyPhysical));
		}
		List<Metric> list = new ArrayList<>();
		for (int i = 0; i < TOTALS.length; i++) {
			list.add(new Metric(TOTALS[i], UNITS[i], HELP[i] + ", all interfaces counted in the total"));
		}
		List<DeviceCounters> sorted = new ArrayList<>(this.interfaces.values());
		sorted.sort((a, b) -> a.device.compareTo(b.device));
		for (DeviceCounters counters : sorted) {
			for (int i = 0; i < SUFFIXES.length; i++) {
				list.add(new Metric(counters.rateNames[i], UNITS[i], HELP[i] + " on " + counters.device));
			}
			for (int i = 0; i < COUNTERS.length; i++) {
				list.add(new Metric(counters.counterNames[i], COUNTER_UNITS[i],
						COUNTER_HELP[i] + " on " + counters.device + " since boot: the kernel's counter"));
			}
		}
		this.metrics = List.copyOf(list);
	}

	@Override
	public List<Metric> metrics() {
		return this.metrics;
	}

	@Override
	public void read(Readout out) {
		this.reads++;
		// the first read has nothing to compare with
		Arrays.fill(this.totals, (this.reads == 1) ? Double.NaN : 0);
		boolean added = this.linux ? readProcNetDev(out) : readOshi(out);
		for (int i = 0; i < TOTALS.length; i++) {
			out.value(TOTALS[i], this.totals[i]);
		}
		if (added) {
			interfacesChanged();
		}
	}

	private boolean readProcNetDev(Readout out) {
		ProcFile dev = this.file.require(ProcPath.NET + "/dev");
		long now = System.nanoTime();
		boolean added = false;
		dev.nextLine(); // two header lines
		while (dev.nextLine()) {
			dev.skipBlanks();
			String name = dev.nextUntil(':');
			if (name.isEmpty()) {
				continue;
			}
			DeviceCounters counters = this.interfaces.get(name);
			if (counters == null) {
				counters = newInterface(name);
				this.interfaces.put(name, counters);
				added = true;
			}
			long[] values = counters.current;
			// rx: bytes packets errs drop fifo frame compressed multicast; tx: bytes packets errs drop ...
			values[0] = dev.nextLong();
			values[2] = dev.nextLong();
			values[4] = dev.nextLong();
			values[6] = dev.nextLong();
			dev.skipFields(4);
			values[1] = dev.nextLong();
			values[3] = dev.nextLong();
			values[5] = dev.nextLong();
			values[7] = dev.nextLong();
			account(counters, now, out);
		}
		return added;
	}

	private boolean readOshi(Readout out) {
		boolean added = false;
		for (NetworkIF network : this.oshiInterfaces) {
			network.updateAttributes();
			long now = System.nanoTime();
			DeviceCounters counters = this.interfaces.get(network.getName());
			if (counters == null) {
				counters = newInterface(network.getName());
				this.interfaces.put(network.getName(), counters);
				added = true;
			}
			long[] values = counters.current;
			values[0] = network.getBytesRecv();
			values[1] = network.getBytesSent();
			values[2] = network.getPacketsRecv();
			values[3] = network.getPacketsSent();
			values[4] = network.getInErrors();
			values[5] = network.getOutErrors();
			values[6] = network.getInDrops();
			values[7] = -1; // OSHI has no count of packets dropped on the way out
			account(counters, now, out);
		}
		return added;
	}

	private void account(DeviceCounters counters, long now, Readout out) {
		counters.lastSeen = this.reads;
		double[] raw = this.counterRates;
		counters.update(now, raw, out);
		this.rates[0] = raw[0];
		this.rates[1] = raw[1];
		this.rates[2] = raw[2];
		this.rates[3] = raw[3];
		this.rates[4] = Rates.add(raw[4], raw[5]);
		this.rates[5] = Rates.add(raw[6], raw[7]);
		for (int i = 0; i < SUFFIXES.length; i++) {
			out.value(counters.rateNames[i], this.rates[i]);
			if (counters.inTotal) {
				this.totals[i] = Rates.add(this.totals[i], this.rates[i]);
			}
		}
	}

}
