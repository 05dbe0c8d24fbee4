package org.lianban.web.api;

import org.lianban.PgTest;

@PgTest
class CalendarApiPgTest extends CalendarApiContract {}
