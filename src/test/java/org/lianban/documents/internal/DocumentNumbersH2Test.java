package org.lianban.documents.internal;

import org.lianban.H2Test;

@H2Test
class DocumentNumbersH2Test extends DocumentNumbersContract {}
