import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** A Spring Boot application context without auto-configuration, sampling through OSHI once a second. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MiniContext {

	private final CentralProcessor processor = new SystemInfo().getHardware().getProcessor();

	private final GlobalMemory memory = new SystemInfo().getHardware().getMemory();

	@Scheduled(fixedRate = 1000)
	void sample() {
		this.processor.getSystemCpuLoadTicks();
		this.memory.getAvailable();
	}

	public static void main(String[] args) throws InterruptedException {
		SpringApplication application = new SpringApplication(MiniContext.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
		Thread.currentThread().join();
	}

}
