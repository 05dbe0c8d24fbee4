package org.lianban.calendar.internal;

import org.lianban.H2Test;

@H2Test
class CalendarRefreshH2Test extends CalendarRefreshContract {}
