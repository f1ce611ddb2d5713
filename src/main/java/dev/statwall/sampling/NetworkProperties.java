package dev.statwall.sampling;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which network interfaces count in the totals {@code net.rx}, {@code net.tx} and so on. Every
 * interface still has its own {@code net.<interface>.*} metrics.
 * <p>
 * Loopback and virtual interfaces (bridges, veth pairs, tunnels) carry traffic that a physical
 * interface also counts, or that never leaves the node, so they are left out by default. An
 * interface without a device in /sys/class/net is left out as well when the node has a physical
 * one; inside a container, where every interface is virtual, they count.
 *
 * @param excludeFromTotal glob patterns of interface names left out of the totals
 * @param includeInTotal glob patterns of interface names counted in the totals even if excluded
 * or virtual; an include wins over an exclude
 */
@ConfigurationProperties("statwall.sampling.network")
@Validated
public record NetworkProperties(
		@DefaultValue({ "lo", "docker*", "veth*", "br-*", "virbr*", "vnet*", "cni*", "flannel*", "cali*", "cilium*",
				"lxc*", "vxlan*", "tun*", "tap*", "ifb*", "kube-*", "weave*", "zt*", "wg*" }) @NotNull List<String> excludeFromTotal,
		@DefaultValue @NotNull List<String> includeInTotal) {

	static NetworkProperties defaults() {
		return new NetworkProperties(List.of("lo", "docker*", "veth*", "br-*", "virbr*", "vnet*", "cni*", "flannel*",
				"cali*", "cilium*", "lxc*", "vxlan*", "tun*", "tap*", "ifb*", "kube-*", "weave*", "zt*", "wg*"),
				List.of());
	}

}
