package org.lianban.stats;

import org.lianban.H2Test;

@H2Test
class StatsH2Test extends StatsContract {}
