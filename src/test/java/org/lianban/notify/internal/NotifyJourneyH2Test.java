package org.lianban.notify.internal;

import org.lianban.H2Test;

@H2Test
class NotifyJourneyH2Test extends NotifyJourneyContract {}
