package org.lianban.documents.internal;

/** How documents are signed: SM2 with SM3 (GB/T 32918, GM/T 0009; the default) or RSA with SHA-256. */
public enum SignatureAlgorithm {
    SM2("EC", "SM3withSM2"),
    RSA("RSA", "SHA256withRSA");

    private final String keyAlgorithm;
    private final String jcaName;

    SignatureAlgorithm(String keyAlgorithm, String jcaName) {
        this.keyAlgorithm = keyAlgorithm;
        this.jcaName = jcaName;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The JCA/BouncyCastle signature name. */
    public String jcaName() {
        return jcaName;
    }

    /** SM2 keys are EC keys on sm2p256v1; anything EC read from a keystore is taken as SM2. */
    static SignatureAlgorithm forKeyAlgorithm(String keyAlgorithm) {
        return "RSA".equalsIgnoreCase(keyAlgorithm) ? RSA : SM2;
    }
}
