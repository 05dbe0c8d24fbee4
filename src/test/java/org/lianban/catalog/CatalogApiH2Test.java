package org.lianban.catalog;

import org.lianban.H2Test;

@H2Test
class CatalogApiH2Test extends CatalogApiContract {}
