package dev.statwall.role;

/** What this process does; one jar runs as any of them. */
public enum Role {

	/** Samples this node and serves its pages: one machine, nothing else to set up. */
	STANDALONE,

	/** Samples this node and sends every sample to a hub; serves nothing. */
	AGENT,

	/** Receives samples from agents and serves the cluster overview and every node's pages. */
	HUB,

	/** Plays many synthetic agents against a hub, for demos and load tests. */
	SIMULATOR

}
