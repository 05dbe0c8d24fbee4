package org.lianban.common.events;

import org.lianban.PgTest;

@PgTest
class BatchedEventPublicationsPgTest extends BatchedEventPublicationsContract {}
