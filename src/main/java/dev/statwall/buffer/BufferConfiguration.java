package dev.statwall.buffer;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BufferConfiguration {

	@Bean
	BufferRepository bufferRepository(Clock clock) {
		return new BufferRepository(clock);
	}

}
