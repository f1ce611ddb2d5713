package dev.statwall.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * One hub in {@code open} mode on a random port, shared by the test classes that use it: every
 * process of this machine in its own node's table, the token of {@link SecretHolder}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=" + SecretHolder.TOKEN, "statwall.node-name=open-hub",
				"statwall.sampling.interval=500ms", "statwall.sampling.processes.top=1000",
				"statwall.data-dir=target/test-data/open-hub-${random.uuid}" })
public @interface OpenHub {
}
