package org.lianban.cases.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 《行政许可法》第32条: an application not answered (accept, refuse, ask for supplements) within 5 working days of
 * receipt counts as accepted from the receipt. Runs on one node of a cluster at a time (ShedLock).
 * {@code lianban.cases.acceptance-by-silence.cron} ("-" switches it off).
 */
@Component
class AcceptanceBySilenceJob {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceBySilenceJob.class);

    private final CaseServiceImpl cases;

    AcceptanceBySilenceJob(CaseServiceImpl cases) {
        this.cases = cases;
    }

    @Scheduled(cron = "${lianban.cases.acceptance-by-silence.cron:0 */10 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "cases-acceptance-by-silence", lockAtMostFor = "PT9M")
    void run() {
        int accepted;
        do {
            accepted = cases.acceptDueBySilence(500);
            if (accepted > 0) {
                log.info("{} case(s) accepted by silence (Art. 32)", accepted);
            }
        } while (accepted == 500);
    }
}
