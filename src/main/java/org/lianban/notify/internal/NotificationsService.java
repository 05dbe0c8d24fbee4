package org.lianban.notify.internal;

import java.util.List;

import org.lianban.common.ApiException;
import org.lianban.notify.FailedSms;
import org.lianban.notify.Notifications;
import org.lianban.notify.SmsRecord;
import org.lianban.notify.SmsTemplateInfo;
import org.springframework.stereotype.Service;

@Service
class NotificationsService implements Notifications {

    private final SmsOutbox outbox;
    private final SmsTemplates templates;

    NotificationsService(SmsOutbox outbox, SmsTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    @Override
    public List<SmsRecord> forCase(String caseNumber) {
        return outbox.forCase(caseNumber);
    }

    @Override
    public List<FailedSms> failed(int limit) {
        return outbox.failed(limit);
    }

    @Override
    public void retry(long id) {
        switch (outbox.retry(id)) {
            case RETRIED -> { }
            case NOT_FOUND -> throw ApiException.notFound("No SMS " + id + ".");
            case NOT_FAILED -> throw ApiException.notAllowed("SMS " + id + " has not failed; only failed messages are sent again.");
            case NOT_A_MOBILE -> throw ApiException.notAllowed(
                    "SMS " + id + " has no mainland mobile number to send to; correct the applicant's phone first.");
        }
    }

    @Override
    public List<SmsTemplateInfo> templates() {
        return templates.describe();
    }
}
