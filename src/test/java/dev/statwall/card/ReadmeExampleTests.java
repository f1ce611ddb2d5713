package dev.statwall.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.statwall.testing.FakeProbe;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's custom page binds and builds as written, so a reader who copies it gets a page. */
class ReadmeExampleTests {

	@Test
	void whenTheReadmesStoragePageIsLoadedThenItsCardsAreBuilt() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String example = Files.readString(Path.of("src/test/resources/examples/storage-page.yml"));
		assertThat(readme).as("README.md shows the example this test loads").contains(example.strip());
		StandardEnvironment environment = new StandardEnvironment();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("example",
				new FileSystemResource("src/test/resources/examples/storage-page.yml"))) {
			environment.getPropertySources().addFirst(source);
		}
		DashboardProperties properties = Binder.get(environment).bind("statwall", DashboardProperties.class).get();
		Dashboard dashboard = new Dashboard(properties, new FakeProbe().metrics());
		assertThat(dashboard.pages()).extracting(PageDefinition::path).containsExactly("/storage", "/monitor");
		assertThat(dashboard.card("storage.filesystems")).get().extracting(CardDefinition::sortDescending).isEqualTo(true);
		assertThat(dashboard.card("storage.data")).get().extracting(CardDefinition::available).isEqualTo(false);
		assertThat(dashboard.card("monitor.cpu_stats")).get().extracting(CardDefinition::capacity).isEqualTo(15);
	}

}
