package dev.statwall.alert;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The alerts' cost as a share of one core, measured as CPU time of the evaluating thread (not wall
 * time, which on a shared machine counts the waits for a core too): the setup of
 * {@link AlertEvaluationBenchmark}, then {@code seconds} simulated seconds, each one new sample per
 * node (not measured) and one evaluation (measured: CPU time and bytes allocated).
 * <p>
 * Usage: {@code bench/alert-cost.sh [nodes] [seconds]}
 */
public final class AlertEvaluationCost {

	private AlertEvaluationCost() {
	}

	public static void main(String[] args) {
		int nodes = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 300;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		AlertEvaluationBenchmark bench = new AlertEvaluationBenchmark();
		bench.nodes = nodes;
		long setup = System.nanoTime();
		bench.fill();
		System.out.printf("setup: %d nodes × %d metrics, 12 minutes of history each, in %.0f s%n", nodes,
				AlertEvaluationBenchmark.METRICS.length,
				(System.nanoTime() - setup) / 1e9);
		long[] cpu = new long[seconds];
		long[] allocated = new long[seconds];
		long thread = Thread.currentThread().getId();
		for (int s = 0; s < seconds; s++) {
			bench.second();
			long cpuBefore = threads.getCurrentThreadCpuTime();
			long bytesBefore = threads.getThreadAllocatedBytes(thread);
			bench.evaluate();
			cpu[s] = threads.getCurrentThreadCpuTime() - cpuBefore;
			allocated[s] = threads.getThreadAllocatedBytes(thread) - bytesBefore;
		}
		long[] sorted = cpu.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(cpu).average().orElse(0) / 1e6;
		System.out.printf("evaluations: %d (one per simulated second, %d minute boundaries)%n", seconds, seconds / 60);
		System.out.printf("CPU per evaluation: mean %.2f ms, median %.2f ms, p90 %.2f ms, max %.2f ms%n", mean,
				sorted[seconds / 2] / 1e6, sorted[(int) (seconds * 0.9)] / 1e6, sorted[seconds - 1] / 1e6);
		System.out.printf("share of one core at one sample a second: %.2f %%%n", mean / 10);
		long[] bytes = allocated.clone();
		Arrays.sort(bytes);
		System.out.printf("allocated per evaluation: mean %.1f KB, median %.1f KB, max %.1f MB%n",
				Arrays.stream(allocated).average().orElse(0) / 1024, bytes[seconds / 2] / 1024.0, bytes[seconds - 1] / 1048576.0);
		bench.close();
	}

}
