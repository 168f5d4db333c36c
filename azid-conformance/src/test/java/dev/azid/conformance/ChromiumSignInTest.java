package dev.azid.conformance;

import dev.azid.CredentialOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.DeviceCodeCredential;
import dev.azid.DeviceCodeInfo;
import dev.azid.InteractiveBrowserCredential;
import dev.azid.TokenCredential;
import dev.azid.TokenRequestContext;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import dev.azid.http.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The user sign-in flows in a real browser: Debian's headless Chromium, driven by Selenium, signs in
 * on the emulator's pages exactly as a person would. {@link InteractiveBrowserCredential} opens its
 * authorize URL in Chromium through its {@code browser} seam, and the emulator's redirect reaches the
 * credential's loopback listener through the browser; {@link DeviceCodeCredential}'s code is typed
 * into the emulator's {@code /devicelogin} page while the credential polls. Needs
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code bash scripts/test-all.sh}
 * installs them) and fails without them.
 */
@AzidEmulator
class ChromiumSignInTest {

    private static final String ARM = "https://management.azure.com/.default";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static HeadlessChromium chromium;
    private static ExecutorService caller;
    private static Future<AccessToken> pending;

    @BeforeAll
    static void startBrowser(EntraEmulator emulator) throws Exception {
        chromium = HeadlessChromium.start(emulator.authorityHost(), emulator.sslContext());
        // getToken blocks until the browser is done, so it runs on this thread while the test drives the browser.
        caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "getToken");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (caller != null) {
                caller.shutdownNow();
            }
        } finally {
            if (chromium != null) {
                chromium.close();
            }
        }
    }

    @AfterEach
    void stopWaiting() {
        // A failed test may leave getToken waiting on the browser; free the thread for the next test.
        if (pending != null) {
            pending.cancel(true);
        }
    }

    private static HttpTransport trusting(EntraEmulator emulator) {
        return HttpTransport.builder().sslContext(emulator.sslContext()).build();
    }

    /** The browser seam: loads the sign-in page in Chromium on the credential's thread, then hands over. */
    private static Consumer<URI> chromiumOpens(CompletableFuture<URI> opened) {
        return uri -> {
            try {
                chromium.driver().get(uri.toString());
                opened.complete(uri);
            } catch (RuntimeException e) {
                opened.completeExceptionally(e);
                throw e;
            }
        };
    }

    private static InteractiveBrowserCredential.Builder browserCredential(EntraEmulator emulator,
            CompletableFuture<URI> opened) {
        return InteractiveBrowserCredential.builder().options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(trusting(emulator)).build())
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(EmulatorConfig.AZURE_CLI_CLIENT_ID).timeout(WAIT).browser(chromiumOpens(opened));
    }

    private static DeviceCodeCredential deviceCodeCredential(EntraEmulator emulator, CompletableFuture<DeviceCodeInfo> shown) {
        return DeviceCodeCredential.builder().options(CredentialOptions.builder().authorityHost(emulator.authorityHost().toString()).httpTransport(trusting(emulator)).build())
                .tenantId(EmulatorConfig.DEFAULT_TENANT_ID).clientId(EmulatorConfig.AZURE_CLI_CLIENT_ID).timeout(WAIT).challengeConsumer(shown::complete).build();
    }

    private static Future<AccessToken> getTokenInBackground(TokenCredential credential) {
        pending = caller.submit(() -> credential.getToken(TokenRequestContext.of(ARM)));
        return pending;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The exception getToken threw on the background thread. */
    private static Throwable failureOf(Future<AccessToken> future) throws Exception {
        try {
            AccessToken unexpected = await(future);
            throw new AssertionError("getToken returned a token but should have failed: " + unexpected.expiresAt());
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static WebElement clickable(By by) {
        return chromium.waiting().until(elementToBeClickable(by));
    }

    private static void waitForPageText(String text) {
        chromium.waiting().withMessage(() -> "page text; the browser is at " + chromium.driver().getCurrentUrl()
                + " showing: " + chromium.driver().findElement(By.tagName("body")).getText())
                .until(textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** Checks the token's signature against the tenant's JWKS and that it is the signed-in user's ARM token. */
    private static void assertArmTokenForAlice(EntraEmulator emulator, AccessToken token) throws Exception {
        assertThat(token.token().split("\\.")).as("a compact JWS").hasSize(3);
        Map<String, Object> claims = JwksVerifier.forTenant(emulator.authorityHost(), EmulatorConfig.DEFAULT_TENANT_ID,
                emulator.sslContext()).verify(token.token());
        assertThat(claims).containsEntry("aud", "https://management.azure.com/")
                .containsEntry("tid", EmulatorConfig.DEFAULT_TENANT_ID)
                .containsEntry("upn", EmulatorConfig.DEFAULT_USERNAME)
                .containsEntry("appid", EmulatorConfig.AZURE_CLI_CLIENT_ID)
                .containsEntry("idtyp", "user");
    }

    @Test
    void interactiveBrowser_signInInChromium_redirectReachesLoopbackAndReturnsToken(EntraEmulator emulator)
            throws Exception {
        CompletableFuture<URI> opened = new CompletableFuture<>();
        InteractiveBrowserCredential credential = browserCredential(emulator, opened).build();
        Future<AccessToken> token = getTokenInBackground(credential);
        URI authorize = await(opened);
        assertThat(authorize.toString()).startsWith(emulator.authorityHost() + "/" + EmulatorConfig.DEFAULT_TENANT_ID
                + "/oauth2/v2.0/authorize?").contains("code_challenge_method=S256");

        WebDriver driver = chromium.driver();
        assertThat(driver.getTitle()).contains("Sign in");
        clickable(By.id("username")).sendKeys(EmulatorConfig.DEFAULT_USERNAME);
        driver.findElement(By.id("password")).sendKeys(EmulatorConfig.DEFAULT_PASSWORD);
        driver.findElement(By.id("signin")).click();

        assertArmTokenForAlice(emulator, await(token));
        assertThat(credential.username()).contains(EmulatorConfig.DEFAULT_USERNAME);
        waitForPageText("Authentication complete. You can close this window.");
        assertThat(driver.getCurrentUrl()).as("the browser followed the redirect to the credential's listener")
                .startsWith("http://localhost:").contains("code=").contains("state=");
    }

    @Test
    void interactiveBrowser_wrongPasswordThenRight_staysOnTheFormAndSignsIn(EntraEmulator emulator) throws Exception {
        CompletableFuture<URI> opened = new CompletableFuture<>();
        Future<AccessToken> token = getTokenInBackground(browserCredential(emulator, opened).build());
        await(opened);

        WebDriver driver = chromium.driver();
        clickable(By.id("username")).sendKeys(EmulatorConfig.DEFAULT_USERNAME);
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.id("signin")).click();
        waitForPageText("AADSTS50126");
        assertThat(token).as("a wrong password keeps the credential waiting").isNotDone();

        // The re-rendered form must still carry state and the PKCE challenge, or the retry would fail.
        WebElement username = clickable(By.id("username"));
        username.clear();
        username.sendKeys(EmulatorConfig.DEFAULT_USERNAME);
        driver.findElement(By.id("password")).sendKeys(EmulatorConfig.DEFAULT_PASSWORD);
        driver.findElement(By.id("signin")).click();

        assertArmTokenForAlice(emulator, await(token));
        waitForPageText("You can close this window.");
    }

    @Test
    void interactiveBrowser_cancelInChromium_failsWithAccessDenied(EntraEmulator emulator) throws Exception {
        CompletableFuture<URI> opened = new CompletableFuture<>();
        Future<AccessToken> token = getTokenInBackground(browserCredential(emulator, opened).build());
        await(opened);

        clickable(By.id("cancel")).click();

        assertThat(failureOf(token)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith(InteractiveBrowserCredential.NAME + ": sign-in failed: access_denied")
                .hasMessageContaining("AADSTS65004").hasMessageContaining("User declined to consent")
                .hasMessageContaining("Sign in again");
        waitForPageText("Sign-in failed");
    }

    @Test
    void interactiveBrowser_loginHintAndPrompt_areOnThePage(EntraEmulator emulator) throws Exception {
        CompletableFuture<URI> opened = new CompletableFuture<>();
        InteractiveBrowserCredential credential = browserCredential(emulator, opened)
                .loginHint(EmulatorConfig.DEFAULT_USERNAME).prompt("login").build();
        Future<AccessToken> token = getTokenInBackground(credential);
        URI authorize = await(opened);
        assertThat(authorize.getRawQuery()).contains("prompt=login").contains("login_hint=");

        WebDriver driver = chromium.driver();
        assertThat(clickable(By.id("username")).getDomProperty("value")).as("user name prefilled from login_hint")
                .isEqualTo(EmulatorConfig.DEFAULT_USERNAME);
        assertThat(driver.findElement(By.cssSelector("input[type=hidden][name=prompt]")).getDomProperty("value"))
                .as("prompt carried through the form").isEqualTo("login");
        // Only the password is typed: the prefilled user name is what signs in.
        driver.findElement(By.id("password")).sendKeys(EmulatorConfig.DEFAULT_PASSWORD);
        driver.findElement(By.id("signin")).click();

        assertArmTokenForAlice(emulator, await(token));
        assertThat(credential.username()).contains(EmulatorConfig.DEFAULT_USERNAME);
        waitForPageText("You can close this window.");
    }

    @Test
    void deviceCode_codeEnteredInChromium_returnsToken(EntraEmulator emulator) throws Exception {
        CompletableFuture<DeviceCodeInfo> shown = new CompletableFuture<>();
        DeviceCodeCredential credential = deviceCodeCredential(emulator, shown);
        Future<AccessToken> token = getTokenInBackground(credential);
        DeviceCodeInfo info = await(shown);
        assertThat(info.userCode()).matches("[A-Z0-9]{9}");
        assertThat(info.verificationUri()).isEqualTo(URI.create(emulator.authorityHost() + "/devicelogin"));
        assertThat(info.message()).contains(info.userCode()).contains(info.verificationUri().toString());

        WebDriver driver = chromium.driver();
        driver.get(info.verificationUri().toString());
        clickable(By.cssSelector("input[name=user_code]")).sendKeys(info.userCode());
        driver.findElement(By.cssSelector("input[name=username]")).sendKeys(EmulatorConfig.DEFAULT_USERNAME);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(EmulatorConfig.DEFAULT_PASSWORD);
        driver.findElement(By.id("approve")).click();
        waitForPageText("Signed in");

        assertArmTokenForAlice(emulator, await(token));
        assertThat(credential.username()).contains(EmulatorConfig.DEFAULT_USERNAME);
    }

    @Test
    void deviceCode_declinedInChromium_failsSayingDeclined(EntraEmulator emulator) throws Exception {
        CompletableFuture<DeviceCodeInfo> shown = new CompletableFuture<>();
        Future<AccessToken> token = getTokenInBackground(deviceCodeCredential(emulator, shown));
        DeviceCodeInfo info = await(shown);

        WebDriver driver = chromium.driver();
        driver.get(info.verificationUri().toString());
        clickable(By.cssSelector("input[name=user_code]")).sendKeys(info.userCode());
        driver.findElement(By.id("decline")).click();
        waitForPageText("You declined the sign-in.");

        assertThat(failureOf(token)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessage(DeviceCodeCredential.NAME + ": device code sign-in failed: the user declined it. "
                        + "Sign in again and accept the request.");
    }
}
