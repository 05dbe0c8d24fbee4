package org.lianban.documents.internal;

import org.lianban.H2Test;

@H2Test
class CertificateApiH2Test extends CertificateApiContract {}
