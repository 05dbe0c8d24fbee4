package org.lianban.notify.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.notices.*}: zh-CN texts of officials' in-app notices ({@code new-task}, {@code yellow}, {@code red},
 * with {@code {placeholder}}s) and when the deadline-warning job runs.
 */
@ConfigurationProperties("lianban.notices")
public record NoticeProperties(Map<String, String> templates,
        @DefaultValue("0 */15 * * * *") String warningsCron) {

    public NoticeProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
}
