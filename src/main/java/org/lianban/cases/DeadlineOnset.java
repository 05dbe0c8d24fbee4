package org.lianban.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a case's deadline warning changes colour while its state stays as it is (the rule of
 * {@link Cases#deadlineWarnings}, worked out once so that statistics can count yellow and red cases with a query
 * instead of asking for every running case). Time alone moves a running case from green to yellow to red; a paused
 * case keeps the colour it had when the pause began.
 *
 * @param version the case version these instants belong to
 * @param dueDate the due date, null unless accepted
 * @param yellowFrom yellow (or red) at every instant from this one on; null: not before it turns red
 * @param redAfter red at every instant after this one; null: never while the state lasts
 */
public record DeadlineOnset(int version, LocalDate dueDate, Instant yellowFrom, Instant redAfter) {}
