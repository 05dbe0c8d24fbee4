package org.lianban.notify.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the outbox, the gateway chosen by {@code lianban.sms.gateway} and the scheduled dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmsProperties.class, NoticeProperties.class})
class SmsConfig {

    @Bean
    SmsTemplates smsTemplates(SmsProperties props) {
        return new SmsTemplates(props.templates());
    }

    @Bean
    SmsOutbox smsOutbox(DataSource dataSource, PlatformTransactionManager txManager, Clock clock) {
        return new SmsOutbox(JdbcClient.create(dataSource), new TransactionTemplate(txManager), clock);
    }

    /** An SMPP gateway is closed (unbind) on shutdown through the inferred {@code close()}. */
    @Bean
    SmsGateway smsGateway(SmsProperties props, SmsOutbox outbox, Clock clock) {
        return switch (props.gateway()) {
            case "log" -> new LogGateway();
            case "smpp" -> {
                SmppGateway smpp = new SmppGateway(props.smpp(), outbox::receipt);
                smpp.start();
                yield smpp;
            }
            case "http" -> new HttpGateway(props.http(), clock);
            default -> throw new IllegalStateException(
                    "lianban.sms.gateway must be log, smpp or http, not " + props.gateway());
        };
    }

    @Bean(destroyMethod = "stop")
    SmsDispatcher smsDispatcher(SmsOutbox outbox, SmsGateway gateway, SmsProperties props) {
        return new SmsDispatcher(outbox, gateway, props.dispatcher());
    }

    /** Polls the outbox on this node. Safe on every node at once: rows are claimed with SKIP LOCKED. */
    @Bean
    @ConditionalOnProperty(name = "lianban.sms.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
    DispatchSchedule smsDispatchSchedule(SmsDispatcher dispatcher) {
        return new DispatchSchedule(dispatcher);
    }

    static final class DispatchSchedule {
        private final SmsDispatcher dispatcher;

        DispatchSchedule(SmsDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${lianban.sms.dispatcher.poll-millis:1000}")
        void poll() {
            dispatcher.drain();
        }
    }
}
