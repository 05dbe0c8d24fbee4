package org.lianban.calendar.internal;

import org.lianban.PgTest;

@PgTest
class CalendarRefreshPgTest extends CalendarRefreshContract {}
