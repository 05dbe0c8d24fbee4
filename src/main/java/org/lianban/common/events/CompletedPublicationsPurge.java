package org.lianban.common.events;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes event publications completed longer ago than {@code lianban.events.keep-completed} (default 7 days), once a
 * night on one node (ShedLock). The registry keeps a row per listening module and case event (two or three per
 * transition); without this the table grows with every case forever. Incomplete publications are never touched.
 */
@Component
class CompletedPublicationsPurge {

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedPublicationsPurge(CompletedEventPublications completed,
            @Value("${lianban.events.keep-completed:P7D}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(cron = "${lianban.events.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "events-purge-completed", lockAtMostFor = "PT30M")
    void run() {
        completed.deletePublicationsOlderThan(keep);
    }
}
