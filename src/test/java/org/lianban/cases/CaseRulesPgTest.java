package org.lianban.cases;

import org.lianban.PgTest;

@PgTest
class CaseRulesPgTest extends CaseRulesContract {}
