package org.lianban.cases;

import org.lianban.H2Test;

@H2Test
class CaseRulesH2Test extends CaseRulesContract {}
