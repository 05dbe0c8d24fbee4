package org.lianban.notify;

import java.time.Instant;

/** An in-app notice for an official (站内提醒); {@code readAt} is null while unread. */
public record Notice(long id, String caseNumber, NoticeKind kind, String text, Instant createdAt, Instant readAt) {}
