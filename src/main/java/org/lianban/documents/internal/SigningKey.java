package org.lianban.documents.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** An issuing authority's private key, its certificate and the algorithm they are used with. */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate, SignatureAlgorithm algorithm) {}
