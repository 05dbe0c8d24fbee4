package org.lianban.common;

import org.lianban.PgTest;

@PgTest
class WriteBehindPgTest extends WriteBehindContract {}
