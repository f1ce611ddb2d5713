import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/** The floor: a JVM that reads CPU ticks and memory through OSHI once a second and does nothing else. */
public class PlainOshi {

	public static void main(String[] args) throws InterruptedException {
		CentralProcessor processor = new SystemInfo().getHardware().getProcessor();
		GlobalMemory memory = new SystemInfo().getHardware().getMemory();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		scheduler.scheduleAtFixedRate(() -> {
			processor.getSystemCpuLoadTicks();
			memory.getAvailable();
		}, 0, 1, TimeUnit.SECONDS);
		Thread.currentThread().join();
	}

}
