package org.lianban.notify.internal;

import org.lianban.H2Test;

@H2Test
class NotifyApiH2Test extends NotifyApiContract {}
