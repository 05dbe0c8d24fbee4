package org.lianban.common.events;

import org.lianban.H2Test;

@H2Test
class BatchedEventPublicationsH2Test extends BatchedEventPublicationsContract {}
