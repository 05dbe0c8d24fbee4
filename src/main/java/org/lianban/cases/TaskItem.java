package org.lianban.cases;

import java.time.Instant;

/** A task in an official's queue (待办): {@code regionCode} is the filing region. */
public record TaskItem(String number, String matterCode, String matterName, String regionCode, CaseStatus status,
        String stepCode, String stepName, Instant since, Instant dueAt, Warning warning) {}
