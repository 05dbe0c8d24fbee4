package org.lianban.cases;

import org.lianban.PgTest;

@PgTest
class CaseJourneyPgTest extends CaseJourneyContract {}
