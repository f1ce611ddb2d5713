package dev.statwall.sampling;

import java.time.Duration;

/**
 * The configuration the probe is built from, in one place.
 *
 * @param network which interfaces count in the network totals
 * @param fileSystems which mounts are left out
 * @param processes how many top processes are listed
 * @param discoveryInterval how often slow-changing things are looked up again
 */
record ProbeSettings(NetworkProperties network, FileSystemProperties fileSystems, ProcessProperties processes,
		Duration discoveryInterval) {

	/** The defaults, as an application without any statwall.sampling settings gets them. */
	static ProbeSettings defaults() {
		return new ProbeSettings(NetworkProperties.defaults(), FileSystemProperties.defaults(),
				new ProcessProperties(10), DiscoveryProperties.DEFAULT_INTERVAL);
	}

	ProbeSettings withNetwork(NetworkProperties network) {
		return new ProbeSettings(network, this.fileSystems, this.processes, this.discoveryInterval);
	}

}
