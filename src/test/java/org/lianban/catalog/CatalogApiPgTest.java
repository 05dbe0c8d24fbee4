package org.lianban.catalog;

import org.lianban.PgTest;

@PgTest
class CatalogApiPgTest extends CatalogApiContract {}
