package org.lianban.identity;

import org.lianban.PgTest;

@PgTest
class IdentityApiPgTest extends IdentityApiContract {}
