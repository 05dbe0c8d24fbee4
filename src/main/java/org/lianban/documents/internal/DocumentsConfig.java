package org.lianban.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Wiring of the plain-Java PDF, signing and key classes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DocumentsProperties.class, PrerenderProperties.class})
class DocumentsConfig {

    @Bean
    CjkFonts cjkFonts() {
        return new CjkFonts();
    }

    @Bean
    PdfComposer pdfComposer(CjkFonts fonts) {
        return new PdfComposer(fonts);
    }

    @Bean
    PdfSigner pdfSigner() {
        return new PdfSigner();
    }

    @Bean
    SignatureVerifier signatureVerifier() {
        return new SignatureVerifier();
    }

    /**
     * Production: keys only from the configured keystore; without one, or with demo keys left in the data directory
     * (documents signed by them would be mixed with real ones), the application does not start.
     */
    @Bean
    @Profile("prod")
    AuthorityKeys keystoreAuthorityKeys(DocumentsProperties props, @Value("${lianban.data-dir}") Path dataDir) {
        Path demoKeys = dataDir.resolve("keys");
        if (Files.isDirectory(demoKeys)) {
            try (Stream<Path> files = Files.list(demoKeys)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".p12"))) {
                    throw new IllegalStateException("Demo signing keys found in " + demoKeys + ": the prod profile "
                            + "signs only with lianban.documents.keystore; move the demo keys away first");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DocumentsProperties.Keystore ks = props.keystore();
        if (ks == null || ks.path() == null || ks.password() == null || ks.password().isEmpty()) {
            throw new IllegalStateException("The prod profile signs documents with keys from a keystore: set "
                    + "lianban.documents.keystore.path and lianban.documents.keystore.password "
                    + "(LIANBAN_DOCUMENTS_KEYSTORE_PATH / _PASSWORD)");
        }
        return new KeystoreAuthorityKeys(ks.path(), ks.password().toCharArray());
    }

    /** Everywhere else: one demo key pair per authority, created on first use under {@code ${lianban.data-dir}/keys}. */
    @Bean
    @Profile("!prod")
    AuthorityKeys demoAuthorityKeys(DocumentsProperties props, @Value("${lianban.data-dir}") Path dataDir,
            Clock clock) {
        return new DemoAuthorityKeys(dataDir.resolve("keys"), props.signatureAlgorithm(),
                props.demoKeyPassword().toCharArray(), clock);
    }
}
