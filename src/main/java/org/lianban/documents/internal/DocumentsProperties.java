package org.lianban.documents.internal;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.documents.*}: how documents are signed and how long certificates are valid.
 *
 * @param signatureAlgorithm SM2 (SM3withSM2, default) or RSA (SHA256withRSA)
 * @param keystore           production keystore (PKCS#12; alias per authority region code, or {@code default});
 *                           required in the {@code prod} profile, where demo keys are never created
 * @param demoKeyPassword    password of the demo key files under {@code ${lianban.data-dir}/keys/}
 * @param validityYears      certificate validity when the matter's category has no entry in {@code validityByCategory}
 * @param validityByCategory certificate validity in years per matter category (catalog {@code category})
 */
@ConfigurationProperties("lianban.documents")
record DocumentsProperties(@DefaultValue("SM2") SignatureAlgorithm signatureAlgorithm, Keystore keystore,
        @DefaultValue("lianban-demo") String demoKeyPassword, @DefaultValue("3") int validityYears,
        Map<String, Integer> validityByCategory) {

    record Keystore(Path path, String password) {}

    DocumentsProperties {
        validityByCategory = validityByCategory == null ? Map.of() : Map.copyOf(validityByCategory);
        if (validityYears < 1) {
            throw new IllegalArgumentException("lianban.documents.validity-years must be at least 1");
        }
    }

    int validityYears(String category) {
        return category == null ? validityYears : validityByCategory.getOrDefault(category, validityYears);
    }
}
