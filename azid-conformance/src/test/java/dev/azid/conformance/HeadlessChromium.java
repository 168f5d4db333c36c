package dev.azid.conformance;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with a throw-away profile. It
 * accepts exactly one untrusted TLS key, the emulator's (pinned by SPKI hash), and verifies every
 * other certificate as usual.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(10);

    // No DevTools module matches Debian's Chromium version and none is used, so the warning is noise.
    // A strong reference, because java.util.logging would otherwise forget the level.
    private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts Chromium, trusting the TLS key served at {@code https://host:port}.
     *
     * @param tlsServer an HTTPS origin whose certificate {@code ssl} trusts
     * @param ssl trusts {@code tlsServer}'s certificate
     * @return the running browser; close it
     * @throws AssertionError if Chromium or chromedriver is not installed
     */
    static HeadlessChromium start(URI tlsServer, SSLContext ssl) throws Exception {
        // A missing browser must fail the build, not skip: skipped browser tests look green in CI.
        for (Path p : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError(p + " is not installed. Run `bash scripts/test-all.sh`, which installs the "
                        + "Debian packages chromium and chromium-driver.");
            }
        }
        // Naming the driver explicitly keeps Selenium Manager (which would try the network) out of it.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Path profile = Files.createTempDirectory("azid-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile,
                // The emulator's CA is made per run and Chromium reads trust from the user's NSS database,
                // which a test must not edit; pinning the one key is narrower than accepting any certificate.
                "--ignore-certificate-errors-spki-list=" + spkiHash(tlsServer, ssl));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().withSilent(true).build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT).implicitlyWait(Duration.ZERO);
            return new HeadlessChromium(profile, service, driver);
        } catch (RuntimeException | Error e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    /** The browser; use it from one thread at a time. */
    WebDriver driver() {
        return driver;
    }

    /** An explicit wait with a finite timeout. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    /** Base64 SHA-256 of the server certificate's SubjectPublicKeyInfo, as Chromium's SPKI list wants it. */
    private static String spkiHash(URI server, SSLContext ssl) throws Exception {
        try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            Certificate leaf = socket.getSession().getPeerCertificates()[0];
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(leaf.getPublicKey().getEncoded()));
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the test result must not depend on it.
        }
    }
}
