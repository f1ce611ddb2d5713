package dev.statwall.sampling;

import oshi.util.linux.ProcPath;
import java.util.List;

import oshi.software.os.OperatingSystem;

/** Uptime, and the operating system, kernel and host name as texts. */
final class SystemReader implements Area {

	private static final List<Metric> METRICS = List
		.of(new Metric("system.uptime", Unit.SECONDS, "Time since this node booted"));

	private final OperatingSystem os;

	private final boolean linux;

	private final ProcFile file = new ProcFile(128);

	private String osName = "";

	private String kernel = "";

	private String hostname = "";

	SystemReader(OperatingSystem os, boolean linux) {
		this.os = os;
		this.linux = linux;
	}

	@Override
	public String name() {
		return "system";
	}

	@Override
	public void discover() {
		OperatingSystem.OSVersionInfo version = this.os.getVersionInfo();
		this.osName = (this.os.getFamily() + " " + version.getVersion()).strip();
		String build = version.getBuildNumber();
		this.kernel = (build != null && !build.isBlank()) ? build : System.getProperty("os.version", "");
		// the host name can change while running, so it is looked up at each discovery
		String host = this.os.getNetworkParams().getHostName();
		this.hostname = (host != null) ? host : "";
	}

	@Override
	public List<Metric> metrics() {
		return METRICS;
	}

	@Override
	public void read(Readout out) {
		double uptime;
		if (this.linux) {
			uptime = this.file.require(ProcPath.UPTIME).nextDouble();
		}
		else {
			uptime = this.os.getSystemUptime();
		}
		out.value("system.uptime", uptime);
		out.text("system.os", this.osName);
		out.text("system.kernel", this.kernel);
		out.text("system.hostname", this.hostname);
	}

}
