package dev.statwall.sampling;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which mounts get {@code fs.<mount>.*} metrics and a row in the {@code filesystems} table. Only
 * local file systems are read: a network mount whose server hangs would stall every sample.
 *
 * @param ignoreTypes glob patterns of file system types left out: pseudo and in-memory file
 * systems that hold no data of their own
 * @param ignoreMounts glob patterns of mount points left out, such as /snap/*
 */
@ConfigurationProperties("statwall.sampling.filesystems")
@Validated
public record FileSystemProperties(
		@DefaultValue({ "proc", "sysfs", "tmpfs", "devtmpfs", "overlay", "squashfs", "cgroup*", "devpts", "mqueue",
				"debugfs", "tracefs", "securityfs", "pstore", "bpf", "autofs", "nsfs", "fusectl", "configfs", "ramfs",
				"hugetlbfs", "binfmt_misc", "efivarfs", "rpc_pipefs", "selinuxfs", "nfsd", "devfs", "fuse.lxcfs",
				"fuse.gvfsd-fuse", "fuse.portal", "fuse.snapfuse" }) @NotNull List<String> ignoreTypes,
		@DefaultValue @NotNull List<String> ignoreMounts) {

	static FileSystemProperties defaults() {
		return new FileSystemProperties(List.of("proc", "sysfs", "tmpfs", "devtmpfs", "overlay", "squashfs", "cgroup*",
				"devpts", "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "autofs", "nsfs", "fusectl",
				"configfs", "ramfs", "hugetlbfs", "binfmt_misc", "efivarfs", "rpc_pipefs", "selinuxfs", "nfsd", "devfs",
				"fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal", "fuse.snapfuse"), List.of());
	}

}
