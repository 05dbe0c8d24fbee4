package org.lianban.identity;

import org.lianban.PgTest;

@PgTest
class UserAdminApiPgTest extends UserAdminApiContract {}
