package dev.statwall.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom an agent trusts to be its hub over HTTPS: the certificates of {@code statwall.hub.ca-file}
 * (PEM, one or more CA certificates, such as a private CA for a rack of Pis) and nothing else, or,
 * without that file, the system's trust store. The JDK's own TLS: no HTTP client library.
 */
public final class HubTrust {

	private HubTrust() {
	}

	/**
	 * A TLS context that trusts exactly the CA certificates in this PEM file.
	 * @throws IllegalArgumentException naming {@code statwall.hub.ca-file} when the file cannot be read or
	 * holds no certificate
	 */
	public static SSLContext of(Path caFile) {
		Collection<? extends Certificate> certificates;
		try (InputStream in = Files.newInputStream(caFile)) {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					"statwall.hub.ca-file '" + caFile + "' cannot be read as PEM certificates: " + ex.getMessage(), ex);
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("statwall.hub.ca-file '" + caFile + "' holds no certificate; "
					+ "it must be the PEM file of the CA that signed the hub's certificate");
		}
		try {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("statwall-ca-" + i++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

}
