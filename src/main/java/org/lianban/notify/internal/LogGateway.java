package org.lianban.notify.internal;

import java.util.List;

import org.lianban.common.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo gateway: writes what would be sent to the log (phone masked); the outbox row is the record. */
final class LogGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LogGateway.class);

    @Override
    public Accepted send(Outgoing sms) {
        log.info("SMS {} to {} ({} part(s)): {}", sms.key(), PhoneNumbers.mask(sms.to()),
                SmsSegments.count(sms.text()), sms.text());
        return new Accepted(List.of("log-" + sms.id()));
    }
}
