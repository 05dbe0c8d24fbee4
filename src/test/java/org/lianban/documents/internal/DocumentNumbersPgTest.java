package org.lianban.documents.internal;

import org.lianban.PgTest;

@PgTest
class DocumentNumbersPgTest extends DocumentNumbersContract {}
