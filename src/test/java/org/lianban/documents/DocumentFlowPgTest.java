package org.lianban.documents;

import org.lianban.PgTest;

@PgTest
class DocumentFlowPgTest extends DocumentFlowContract {}
