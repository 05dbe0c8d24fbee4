package org.lianban.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.lianban.common.ClockConfig;
import org.springframework.stereotype.Component;

/** Formatting for templates ({@code ${@fmt.time(x)}}): times in China Standard Time whatever the server's zone. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfig.CHINA);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ClockConfig.CHINA);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** The last day before a due instant (deadlines end at midnight after their last working day). */
    public String dueDate(Instant dueAt) {
        return dueAt == null ? "" : DATE.format(dueAt.minusNanos(1));
    }

    /** Working days with two decimals (1.00 = 24 h of a working day). */
    public String days(BigDecimal days) {
        return days == null ? "" : days.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A file size in B, KB or MB. */
    public String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 0, RoundingMode.HALF_UP) + " KB";
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP) + " MB";
    }
}
