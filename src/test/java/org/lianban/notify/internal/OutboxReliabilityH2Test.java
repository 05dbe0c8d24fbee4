package org.lianban.notify.internal;

class OutboxReliabilityH2Test extends OutboxReliabilityContract {

    @Override
    OutboxDb newDb() {
        return OutboxDb.h2();
    }
}
