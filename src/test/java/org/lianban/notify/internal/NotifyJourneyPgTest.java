package org.lianban.notify.internal;

import org.lianban.PgTest;

@PgTest
class NotifyJourneyPgTest extends NotifyJourneyContract {}
