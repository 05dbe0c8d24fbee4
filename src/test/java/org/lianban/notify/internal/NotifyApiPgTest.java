package org.lianban.notify.internal;

import org.lianban.PgTest;

@PgTest
class NotifyApiPgTest extends NotifyApiContract {}
