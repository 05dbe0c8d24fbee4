package org.lianban.notify;

import java.time.Instant;

/** An SMS sent (or to be sent) for a case, as {@code GET /api/v1/notifications?case=} shows it: the phone masked. */
public record SmsRecord(String to, String template, String text, SmsStatus status, Instant sentAt) {}
