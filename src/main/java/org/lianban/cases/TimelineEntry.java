package org.lianban.cases;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a case's timeline (办理环节). {@code workingDays} is final once finished; for the running step it is the
 * time so far. {@code partyCode} names the party of a joint review, else null.
 */
public record TimelineEntry(String stepCode, String stepName, String level, String regionCode, String partyCode,
        String role, String actor, Instant startedAt, Instant finishedAt, String outcome, String opinion,
        BigDecimal workingDays, int limitDays) {}
