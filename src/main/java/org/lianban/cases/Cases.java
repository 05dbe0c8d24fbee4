package org.lianban.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianban.identity.CurrentUser;

/** Read access to cases for other modules (documents, notify, stats). */
public interface Cases {

    /** The case, whoever asks: visibility checks are the caller's business (see {@link #requireVisible}). */
    Optional<CaseDetails> find(String number);

    /** The case if {@code user} may see it, else a 404 {@code ApiException} (existence is never revealed). */
    CaseDetails requireVisible(String number, CurrentUser user);

    /**
     * Open, accepted cases filed in {@code areaRegionCode} or below whose deadline is near (YELLOW: 80 % of the
     * limit used) or past (RED), most urgent first.
     */
    List<DeadlineWarning> deadlineWarnings(String areaRegionCode, Instant now);

    /** {@link #deadlineWarnings(String, Instant)} for the named cases only (unknown or not running ones are left out). */
    List<DeadlineWarning> deadlineWarnings(Collection<String> numbers, Instant now);

    /**
     * When each of the named cases that are running (accepted, not finished) turns yellow and red if nothing happens
     * to it, by case number, with one query; the others are left out.
     */
    Map<String, DeadlineOnset> runningDeadlineOnsets(Collection<String> numbers);
}
