package org.lianban.stats;

import org.lianban.PgTest;

@PgTest
class StatsPgTest extends StatsContract {}
