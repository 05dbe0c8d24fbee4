package org.lianban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.lianban.common.ClockConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests can set and move. Shared by the whole context: tests that move it set it first. */
public class TestClock extends Clock {

    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
        return ClockConfig.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Sets the clock to a local date-time in China, e.g. {@code set("2024-03-04T09:00")}. */
    public void set(String chinaLocalDateTime) {
        now = ZonedDateTime.of(java.time.LocalDateTime.parse(chinaLocalDateTime), ClockConfig.CHINA).toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
