package org.lianban.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineWarning;
import org.lianban.cases.Warning;
import org.lianban.notify.NoticeKind;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Yellow and red deadline warnings (黄牌/红牌预警) as in-app notices for the officials of the step a case waits at:
 * yellow from 80 % of the limit used, red past due (as the cases module computes them). Each official is told once
 * per case, step, due date and colour; runs on one node at a time (ShedLock).
 */
@Component
class DeadlineWarningJob {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWarningJob.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Cases cases;
    private final Regions regions;
    private final StepHandlers handlers;
    private final NoticeStore notices;
    private final SmsTemplates texts;
    private final Clock clock;

    DeadlineWarningJob(Cases cases, Regions regions, StepHandlers handlers, NoticeStore notices,
            NoticeProperties props, Clock clock) {
        this.cases = cases;
        this.regions = regions;
        this.handlers = handlers;
        this.notices = notices;
        this.texts = new SmsTemplates(props.templates());
        this.clock = clock;
    }

    @Scheduled(cron = "${lianban.notices.warnings-cron:0 */15 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "notify-deadline-warnings", lockAtMostFor = "PT14M")
    void run() {
        int added = scan(clock.instant());
        if (added > 0) {
            log.info("{} deadline warning notice(s) added", added);
        }
    }

    /** Adds the notices due at {@code now}; returns how many were new. */
    int scan(Instant now) {
        int added = 0;
        for (DeadlineWarning w : cases.deadlineWarnings(regions.province().code(), now)) {
            if (w.warning() == Warning.GREEN || w.currentStepCode() == null) {
                continue;
            }
            CaseDetails c = cases.find(w.number()).orElse(null);
            if (c == null) {
                continue;
            }
            NoticeKind kind = w.warning() == Warning.RED ? NoticeKind.RED : NoticeKind.YELLOW;
            String template = kind == NoticeKind.RED ? "red" : "yellow";
            if (!texts.has(template)) {
                continue;
            }
            var step = handlers.step(c, w.currentStepCode());
            if (step.isEmpty()) {
                continue;
            }
            String text = texts.render(template, Map.of("caseNumber", c.number(),
                    "matterName", String.valueOf(c.matterName()), "stepName", step.get().name(),
                    "used", w.workingDaysUsed().stripTrailingZeros().toPlainString(),
                    "limit", Integer.toString(w.limitDays()),
                    "dueDate", w.dueDate() == null ? "" : DATE.format(w.dueDate())));
            String key = c.number() + ":" + w.currentStepCode() + ":" + w.dueDate() + ":" + kind + ":";
            for (String user : handlers.officials(c, step.get())) {
                if (notices.add(key + user, user, c.number(), kind, text)) {
                    added++;
                }
            }
        }
        return added;
    }
}
