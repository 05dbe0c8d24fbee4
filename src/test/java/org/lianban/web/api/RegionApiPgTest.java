package org.lianban.web.api;

import org.lianban.PgTest;

@PgTest
class RegionApiPgTest extends RegionApiContract {}
