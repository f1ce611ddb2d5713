package dev.statwall.sampling;

import java.time.Duration;
import java.util.List;

/**
 * The configuration the probe is built from, in one place.
 *
 * @param network which interfaces count in the network totals
 * @param fileSystems which mounts are left out
 * @param processes how many top processes are listed
 * @param discoveryInterval how often slow-changing things are looked up again
 * @param secrets this process's own secrets, masked wherever a command line shows them
 */
record ProbeSettings(NetworkProperties network, FileSystemProperties fileSystems, ProcessProperties processes,
		Duration discoveryInterval, List<String> secrets) {

	/** The defaults, as an application without any statwall.sampling settings gets them. */
	static ProbeSettings defaults() {
		return new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(10, ProcessProperties.CommandLine.MASKED), DiscoveryProperties.DEFAULT_INTERVAL, List.of());
	}

	ProbeSettings withNetwork(NetworkProperties network) {
		return new ProbeSettings(network, this.fileSystems, this.processes, this.discoveryInterval, this.secrets);
	}

}
