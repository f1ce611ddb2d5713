import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** A Spring Boot application with auto-configuration and the web turned off, sampling through OSHI once a second. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableScheduling
public class FullContext {

	private final CentralProcessor processor = new SystemInfo().getHardware().getProcessor();

	private final GlobalMemory memory = new SystemInfo().getHardware().getMemory();

	@Scheduled(fixedRate = 1000)
	void sample() {
		this.processor.getSystemCpuLoadTicks();
		this.memory.getAvailable();
	}

	public static void main(String[] args) throws InterruptedException {
		SpringApplication application = new SpringApplication(FullContext.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
		Thread.currentThread().join();
	}

}
