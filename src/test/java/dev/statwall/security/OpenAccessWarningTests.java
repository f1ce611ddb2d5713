package dev.statwall.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.statwall.security.SecurityProperties.Mode;
import dev.statwall.security.SecurityProperties.Oidc;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** One WARN when an open statwall listens beyond the loopback, and none otherwise. */
@ExtendWith(OutputCaptureExtension.class)
class OpenAccessWarningTests {

	@Test
	void whenOpenOnEveryInterfaceOrANetworkAddressThenItWarnsAndOnLoopbackOrWithUsersItDoesNot() {
		assertThat(OpenAccessWarning.warning(Mode.OPEN, null, 8080)).contains("every network interface, port 8080")
			.contains("anyone who can reach it can watch").contains("statwall.security.mode=users or oidc");
		assertThat(OpenAccessWarning.warning(Mode.OPEN, "0.0.0.0", 8080)).contains("0.0.0.0");
		assertThat(OpenAccessWarning.warning(Mode.OPEN, "192.0.2.10", 8080)).contains("192.0.2.10");
		for (String loopback : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
			assertThat(OpenAccessWarning.warning(Mode.OPEN, loopback, 8080)).as(loopback).isNull();
		}
		assertThat(OpenAccessWarning.warning(Mode.USERS, null, 8080)).isNull();
		assertThat(OpenAccessWarning.warning(Mode.OIDC, "0.0.0.0", 8080)).isNull();
	}

	@Test
	void whenTheServerStartsTwiceThenItWarnsOnce(CapturedOutput output) {
		OpenAccessWarning warning = new OpenAccessWarning(
				new SecurityProperties(Mode.OPEN, List.of(), new Oidc("groups", List.of())), new MockEnvironment());
		WebServer server = new WebServer() {
			@Override
			public void start() {
			}

			@Override
			public void stop() {
			}

			@Override
			public int getPort() {
				return 8080;
			}
		};
		// the context a server starts in; the warning reads only the server's port and the environment
		WebServerApplicationContext context = new ServletWebServerApplicationContext();
		WebServerInitializedEvent event = new WebServerInitializedEvent(server) {
			@Override
			public WebServerApplicationContext getApplicationContext() {
				return context;
			}
		};
		warning.started(event);
		warning.started(event); // a management server, say
		assertThat(output.getOut().lines().filter((line) -> line.contains("statwall.security.mode is open"))).hasSize(1);
	}

}
