package org.lianban.notify;

import java.time.Instant;

/** An SMS that will not be retried, for administrators: phone masked, with the last error. */
public record FailedSms(long id, String caseNumber, String to, String template, int attempts, String lastError,
        Instant createdAt) {}
