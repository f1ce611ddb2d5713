package dev.statwall.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statwall.testing.Browser;
import dev.statwall.testing.OidcProvider;
import dev.statwall.testing.SecretHolder;
import dev.statwall.testing.TestUsers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oidc} against a real provider started here: people sign in there, Alice's group makes her
 * an admin, Bob is a viewer, and a configured user still scrapes with HTTP Basic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "statwall.role=hub", "statwall.hub.token=" + SecretHolder.TOKEN, "statwall.node-name=oidc-hub",
				"statwall.sampling.interval=500ms", "statwall.data-dir=target/test-data/oidc-hub-${random.uuid}",
				// a scraper's account: HTTP Basic still works in oidc mode
				TestUsers.VIEWER_0, TestUsers.VIEWER_1 })
class OidcHubSecurityTests extends EndpointMatrix {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	private static ConfigurableApplicationContext provider;

	private ChromeDriver browser;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		provider = OidcProvider.start();
		registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", () -> OidcProvider.issuer(provider));
		for (String property : OidcProvider.statwallProperties()) {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		}
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@BeforeEach
	void aNode() throws Exception {
		ingest("web-1");
	}

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Override
	String node() {
		return "web-1";
	}

	@Override
	boolean open() {
		return false;
	}

	@Override
	Identity viewer() throws Exception {
		return session(OidcProvider.VIEWER, OidcProvider.VIEWER_PASSWORD);
	}

	@Override
	Identity admin() throws Exception {
		return session(OidcProvider.ADMIN, OidcProvider.ADMIN_PASSWORD);
	}

	/** Signs in at the provider as a browser would, and returns the statwall session it ends with. */
	private Identity session(String user, String password) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		URI statwall = URI.create("http://127.0.0.1:" + this.port);
		URI next = statwall.resolve("/oauth2/authorization/sso");
		boolean signedIn = false;
		for (int hops = 0; hops < 12; hops++) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && next.getPath().equals("/login") && next.getPort() != this.port) {
				Matcher csrf = CSRF_FIELD.matcher(response.body());
				assertThat(csrf.find()).as("the provider's login form").isTrue();
				response = http.send(HttpRequest.newBuilder(next)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html")
					.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
							+ "&_csrf=" + enc(csrf.group(1))))
					.build(), HttpResponse.BodyHandlers.ofString());
				signedIn = true;
			}
			if (response.statusCode() != 302) {
				break;
			}
			next = next.resolve(response.headers().firstValue("Location").orElseThrow());
			if (signedIn && next.getPort() == this.port && !next.getPath().startsWith("/login")) {
				break; // back at statwall, signed in
			}
		}
		assertThat(signedIn).as("reached the provider's login form").isTrue();
		String session = cookies.getCookieStore().get(statwall).stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		String page = this.http.send(HttpRequest.newBuilder(statwall.resolve("/")).header("Cookie", "JSESSIONID=" + session)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).as("signed in as " + user).contains("<span class=\"user\">" + user + "</span>");
		Matcher csrf = CSRF_META.matcher(page);
		assertThat(csrf.find()).isTrue();
		String token = csrf.group(1);
		return new Identity() {
			@Override
			public HttpRequest.Builder apply(HttpRequest.Builder request, Rule rule) {
				request.header("Cookie", "JSESSIONID=" + session);
				// a change from a signed-in browser carries the page's CSRF token, as csrf.js sends it
				return (rule.method().equals("DELETE") || rule.method().equals("POST")) ? request.header("X-CSRF-TOKEN", token)
						: request;
			}

			@Override
			public List<String> handshakeHeaders() {
				return List.of("Cookie", "JSESSIONID=" + session);
			}
		};
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void whenTheLoginPageIsOpenedThenItOffersTheProviderAndNoPasswordForm() throws Exception {
		String page = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("href=\"/oauth2/authorization/sso\"").contains("Sign in with Test provider")
			.doesNotContain("type=\"password\"");
	}

	@Test
	void whenAScraperUsesHttpBasicThenItReadsWithoutAnyProvider() throws Exception {
		for (String path : List.of("/actuator/prometheus", "/api/v1/nodes")) {
			HttpResponse<String> response = this.http.send(
					TestUsers.asViewer(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void whenAliceSignsInAtTheProviderInABrowserThenSheIsAnAdminOnALivePage() throws Exception {
		this.browser = Browser.start(1280, 800, false);
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		wait.until((driver) -> driver.getCurrentUrl().endsWith("/login"));
		this.browser.findElement(By.cssSelector(".login-provider")).click();
		wait.until((driver) -> driver.getCurrentUrl().startsWith(OidcProvider.issuer(provider) + "/login"));
		this.browser.findElement(By.id("username")).sendKeys(OidcProvider.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(OidcProvider.ADMIN_PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until((driver) -> driver.getCurrentUrl().startsWith("http://127.0.0.1:" + this.port + "/")
				&& URI.create(driver.getCurrentUrl()).getPath().equals("/")); // the page asked for, maybe with ?continue
		wait.until((driver) -> "live".equals(driver.findElement(By.id("live-status")).getAttribute("data-state")));
		assertThat(this.browser.findElement(By.cssSelector(".account .user")).getText()).isEqualTo(OidcProvider.ADMIN);
		assertThat(this.browser.findElements(By.cssSelector(".tile[data-node='web-1'] .forget")))
			.as("an admin's tiles carry the forget button (shown once a node is offline)").hasSize(1);
		this.browser.findElement(By.cssSelector(".tile[data-node='web-1'] .name")).click();
		wait.until((driver) -> driver.getCurrentUrl().endsWith("/nodes/web-1"));
		wait.until((driver) -> "live".equals(driver.findElement(By.id("live-status")).getAttribute("data-state")));
		this.browser.findElement(By.cssSelector(".node-bar .forget")).click(); // htmx, with the CSRF token
		wait.until((driver) -> driver.findElement(By.id("notice")).getText().contains("only an offline node can be forgotten"));
	}

}
