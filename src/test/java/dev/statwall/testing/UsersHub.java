package dev.statwall.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** One hub in {@code users} mode with a viewer and an admin ({@link TestUsers}), on a random port. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=" + SecretHolder.TOKEN, "statwall.node-name=users-hub",
				"statwall.sampling.interval=500ms", "statwall.data-dir=target/test-data/users-hub-${random.uuid}",
				"statwall.security.mode=users", TestUsers.VIEWER_0, TestUsers.VIEWER_1, TestUsers.ADMIN_0,
				TestUsers.ADMIN_1, TestUsers.ADMIN_2 })
public @interface UsersHub {
}
