package org.lianban.web.api;

import org.lianban.H2Test;

@H2Test
class RegionApiH2Test extends RegionApiContract {}
