package dev.statwall.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statwall.testing.Browser;
import dev.statwall.testing.SecretHolder;
import dev.statwall.testing.TestUsers;
import dev.statwall.testing.UsersHub;
import dev.statwall.wire.SampleBatch;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to a hub in {@code users} mode as a browser does: the form, the session, CSRF, htmx, signing out. */
@UsersHub
class UsersSignInTests {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String RUN = SampleBatch.newRun();

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	@BeforeEach
	void aNode() throws Exception {
		long now = System.currentTimeMillis();
		HttpResponse<String> response = client().send(HttpRequest.newBuilder(url("/api/v1/ingest"))
			.header("Authorization", "Bearer " + SecretHolder.TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"version\":1,\"node\":\"web-1\",\"run\":\"" + RUN
					+ "\",\"interval\":1000,\"dropped\":0,\"seq\":[" + now + "],\"time\":[" + now
					+ "],\"values\":{\"cpu.usage\":[12.5]},\"texts\":{},\"tables\":{}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** A browser-like client: keeps cookies, follows no redirects. */
	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private HttpResponse<String> get(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> signIn(HttpClient http, String user, String password) throws Exception {
		String form = get(http, "/login").body();
		Matcher csrf = CSRF_FIELD.matcher(form);
		assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
		String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		return http.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void whenABrowserOpensAPageWithoutSigningInThenItSignsInAndComesBackToThatPage() throws Exception {
		HttpClient http = client();
		HttpResponse<String> page = get(http, "/nodes/web-1");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		HttpResponse<String> signedIn = signIn(http, TestUsers.VIEWER, TestUsers.VIEWER_PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).contains("/nodes/web-1");
		String html = get(http, "/nodes/web-1").body();
		assertThat(html).contains("data-node=\"web-1\"").contains("<span class=\"user\">vera</span>")
			.as("a viewer is offered no change").doesNotContain("forget this node");
	}

	@Test
	void whenTheCredentialsAreWrongThenTheFormSaysSoAndNothingOpens() throws Exception {
		HttpClient http = client();
		HttpResponse<String> refused = signIn(http, TestUsers.VIEWER, "wrong");
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		assertThat(get(http, "/login?error").body()).contains("Wrong name or password.");
		assertThat(get(http, "/").statusCode()).isEqualTo(302);
	}

	@Test
	void whenAnAdminForgetsFromThePageThenTheRequestNeedsTheCsrfTokenButNoHubToken() throws Exception {
		HttpClient http = client();
		signIn(http, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
		String html = get(http, "/nodes/web-1").body();
		assertThat(html).contains("forget this node").as("no token is asked for").doesNotContain("hx-prompt");
		Matcher csrf = CSRF_META.matcher(html);
		assertThat(csrf.find()).as("the layout carries the CSRF token for htmx").isTrue();
		HttpRequest.Builder forget = HttpRequest.newBuilder(url("/nodes/web-1")).header("HX-Request", "true").DELETE();
		assertThat(http.send(forget.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("without the CSRF token").isEqualTo(403);
		HttpResponse<String> withToken = http.send(forget.header("X-CSRF-TOKEN", csrf.group(1)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).as("through to the hub, which keeps an online node").isEqualTo(409);
		assertThat(withToken.body()).contains("only an offline node can be forgotten");
	}

	@Test
	void whenAnHtmxRequestHasNoSessionThenHtmxIsToldToGoToTheLoginPage() throws Exception {
		HttpResponse<String> response = client().send(
				HttpRequest.newBuilder(url("/nodes/web-1")).header("HX-Request", "true").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
	}

	@Test
	void whenSignedOutThenTheSessionIsGone() throws Exception {
		HttpClient http = client();
		signIn(http, TestUsers.VIEWER, TestUsers.VIEWER_PASSWORD);
		Matcher csrf = CSRF_FIELD.matcher(get(http, "/").body()); // the sign-out form
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> out = http.send(HttpRequest.newBuilder(url("/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(out.headers().firstValue("Location").orElse("")).as(out.statusCode() + " " + out.body()).endsWith("/login?logout");
		assertThat(get(http, "/").statusCode()).isEqualTo(302);
		assertThat(get(http, "/login?logout").body()).contains("You are signed out.");
	}

	@Test
	void whenAnAdminSignsInInABrowserThenThePageGoesLiveAndForgettingSpeaksWithTheCsrfToken() throws Exception {
		this.browser = Browser.start(1280, 800, false);
		this.browser.get("http://localhost:" + this.port + "/nodes/web-1");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> driver.getCurrentUrl().endsWith("/login"));
		assertThat(this.browser.findElements(By.id("live-status"))).as("the login page opens no live channel").isEmpty();
		Browser.screenshot(this.browser, "login.png");
		this.browser.findElement(By.id("username")).sendKeys(TestUsers.ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
		this.browser.findElement(By.cssSelector(".login-form button")).click();
		wait.until((driver) -> driver.getCurrentUrl().contains("/nodes/web-1"));
		wait.until((driver) -> "live".equals(driver.findElement(By.id("live-status")).getAttribute("data-state")));
		assertThat(this.browser.findElement(By.cssSelector(".account .user")).getText()).isEqualTo(TestUsers.ADMIN);
		this.browser.findElement(By.cssSelector(".node-bar .forget")).click();
		wait.until((driver) -> driver.findElement(By.id("notice")).getText().contains("only an offline node can be forgotten"));
	}

}
