package org.lianban.notify;

import java.util.List;

/** Read side of the SMS outbox for the API and pages. Visibility checks are the caller's business. */
public interface Notifications {

    /** Every SMS for a case, oldest first, phones masked. */
    List<SmsRecord> forCase(String caseNumber);

    /** Messages that failed for good, newest first (at most {@code limit}). */
    List<FailedSms> failed(int limit);

    /**
     * Sends a FAILED message again (attempts start over), e.g. after the gateway was fixed: 404 if there is no such
     * message, 422 if it has not failed or its number is not a mainland mobile number.
     */
    void retry(long id);

    /** The configured templates with sample length and segment count. */
    List<SmsTemplateInfo> templates();
}
