package org.lianban.cases;

import org.lianban.H2Test;

@H2Test
class CaseJourneyH2Test extends CaseJourneyContract {}
