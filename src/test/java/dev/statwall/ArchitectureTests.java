package dev.statwall;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import org.springframework.web.util.HtmlUtils;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The direction between packages, as the build checks it. A sample's path reads probe or ingest →
 * series → cards → live push; each layer below may use only the layers above it in {@link #LAYERS}.
 * A new upward dependency or a cycle fails here: move the class, or invert the dependency with an
 * interface the lower layer owns (as {@code hub.NodeAlerts} does for alerts).
 */
@AnalyzeClasses(packages = "dev.statwall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** Lowest first. Packages on one line are one layer; they may use each other unless a cycle forms. */
	static final List<List<String>> LAYERS = List.of(
			// how statwall starts and what every part shares: roles, configuration errors, ring buffers
			List.of("role", "buffer"),
			// the probe
			List.of("sampling"),
			// the wire format between agent and hub
			List.of("wire"),
			// the senders: an agent, or many simulated ones through the agent's delivery loop
			List.of("agent", "simulator"),
			// every metric's series, live and history
			List.of("series"),
			// cards: views of the series
			List.of("card"),
			// the hub's domain: nodes, their status, the overview
			List.of("hub"),
			// alerts read series and the hub's nodes
			List.of("alert"),
			// Prometheus
			List.of("export"),
			// live push
			List.of("live"),
			// who may look and change
			List.of("security"),
			// HTTP: pages, APIs, controllers
			List.of("web", "hub.web", "alert.web"),
			// the application
			List.of(""));

	/** The packages whose classes model the product: they know no HTTP, no servlet, no STOMP. */
	static final String[] DOMAIN = { "dev.statwall.role", "dev.statwall.buffer", "dev.statwall.sampling",
			"dev.statwall.wire", "dev.statwall.series", "dev.statwall.card", "dev.statwall.hub", "dev.statwall.alert" };

	@ArchTest
	static final ArchRule layersUseOnlyTheLayersBelow = layers();

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("dev.statwall.(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule theDomainKnowsNoHttp = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat(resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
				"jakarta.servlet..", "org.springframework.messaging..", "org.springframework.security..",
				"org.springframework.ui..")
			// escaping text for an alert's HTML email is not serving HTTP
			.and(not(type(HtmlUtils.class))))
		.because("outcomes are values or domain exceptions, which the web layer maps to statuses");

	@ArchTest
	static final ArchRule sendersDoNotImportTheHub = noClasses().that()
		.resideInAnyPackage("dev.statwall.agent..", "dev.statwall.simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.statwall.hub..")
		.because("client settings (hub URL, token, CA) belong to the agent side");

	static ArchRule layers() {
		LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
		List<String> names = new ArrayList<>();
		for (List<String> layer : LAYERS) {
			String name = String.join("+", layer).isEmpty() ? "application" : String.join("+", layer);
			String[] packages = layer.stream()
				.map((pkg) -> pkg.isEmpty() ? "dev.statwall" : "dev.statwall." + pkg)
				.toArray(String[]::new);
			layers = layers.layer(name).definedBy(packages);
			names.add(name);
		}
		for (int i = 0; i < names.size(); i++) {
			String[] below = names.subList(0, i).toArray(String[]::new);
			layers = (below.length == 0) ? layers.whereLayer(names.get(i)).mayNotAccessAnyLayer()
					: layers.whereLayer(names.get(i)).mayOnlyAccessLayers(below);
		}
		return layers;
	}

}
