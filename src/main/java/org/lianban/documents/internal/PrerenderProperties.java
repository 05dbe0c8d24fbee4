package org.lianban.documents.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.documents.prerender.*}: rendering issued documents ahead of their first use while the machine is
 * otherwise idle, so that most first downloads find the file ready.
 *
 * @param enabled    off: documents are rendered only on first use
 * @param interval   pause between two looks for work
 * @param batchSize  documents rendered per look at most
 * @param maxCpuLoad the machine counts as idle below this share of its CPUs in use (0–1)
 */
@ConfigurationProperties("lianban.documents.prerender")
record PrerenderProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval,
        @DefaultValue("5") int batchSize, @DefaultValue("0.5") double maxCpuLoad) {

    PrerenderProperties {
        if (batchSize < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("lianban.documents.prerender: batch-size >= 1 and a positive interval");
        }
    }
}
