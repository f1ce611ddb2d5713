package dev.statwall.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * One standalone node in {@code users} mode ({@link TestUsers}) on a random port, with every
 * process of this machine in its table and the token of {@link SecretHolder} configured.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.node-name=users-node", "statwall.hub.token=" + SecretHolder.TOKEN,
				"statwall.sampling.interval=500ms", "statwall.sampling.processes.top=1000", "statwall.security.mode=users",
				TestUsers.VIEWER_0, TestUsers.VIEWER_1, TestUsers.ADMIN_0, TestUsers.ADMIN_1, TestUsers.ADMIN_2 })
public @interface UsersStandalone {
}
