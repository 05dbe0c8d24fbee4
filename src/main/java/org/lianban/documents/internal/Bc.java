package org.lianban.documents.internal;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The BouncyCastle provider (SM2/SM3), registered once. */
final class Bc {

    static final String NAME = BouncyCastleProvider.PROVIDER_NAME;

    private Bc() {}

    static synchronized Provider provider() {
        Provider p = Security.getProvider(NAME);
        if (p == null) {
            p = new BouncyCastleProvider();
            Security.addProvider(p);
        }
        return p;
    }
}
