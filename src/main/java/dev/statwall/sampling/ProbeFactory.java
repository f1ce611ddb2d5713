package dev.statwall.sampling;

import java.util.List;

import oshi.SystemInfo;
import oshi.spi.SystemInfoProvider;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Makes the real probe, for the {@code systemProbe} bean and for the roles that sample without an
 * application context (the agent), so both read the node the same way.
 */
public final class ProbeFactory {

	private ProbeFactory() {
	}

	/** The probe with the {@code statwall.sampling.*} settings of this environment. */
	public static SystemProbe create(Environment environment) {
		Binder binder = Binder.get(environment);
		return create(binder.bindOrCreate("statwall.sampling.network", NetworkProperties.class),
				binder.bindOrCreate("statwall.sampling.filesystems", FileSystemProperties.class),
				binder.bindOrCreate("statwall.sampling.processes", ProcessProperties.class),
				binder.bindOrCreate("statwall.sampling.discovery", DiscoveryProperties.class),
				CommandLineMask.ownSecrets(environment));
	}

	static SystemProbe create(NetworkProperties network, FileSystemProperties fileSystems, ProcessProperties processes,
			DiscoveryProperties discovery, List<String> secrets) {
		return OshiProbe.create(systemInfo(),
				new ProbeSettings(network, fileSystems, processes, discovery.interval(), secrets));
	}

	/**
	 * OSHI's native-free provider on Linux: it reads /proc and /sys without loading JNA, which
	 * saves memory and start-up time, and its disk and interface discovery skips udev.
	 */
	private static SystemInfoProvider systemInfo() {
		if (OshiProbe.isLinux()) {
			oshi.nativefree.SystemInfo nativeFree = new oshi.nativefree.SystemInfo();
			if (nativeFree.isAvailable()) {
				return nativeFree;
			}
		}
		return new SystemInfo();
	}

}
