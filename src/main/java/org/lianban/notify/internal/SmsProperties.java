package org.lianban.notify.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.sms.*}: which gateway sends, the zh-CN templates, and how the outbox dispatcher retries.
 *
 * @param gateway {@code log} (default: log line + database record), {@code smpp} or {@code http}
 * @param templates template name to text with {@code {placeholder}}s
 * @param reasonMaxChars reasons (refusal, denial, extension) are shortened to this many characters in an SMS
 */
@ConfigurationProperties("lianban.sms")
public record SmsProperties(
        @DefaultValue("log") String gateway,
        Map<String, String> templates,
        @DefaultValue("30") int reasonMaxChars,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Smpp smpp,
        @DefaultValue Http http) {

    public SmsProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    /**
     * @param enabled whether this node runs the scheduled dispatcher
     * @param pollMillis pause between polls of the outbox
     * @param batchSize rows claimed per poll
     * @param concurrency messages sent in parallel within a batch
     * @param lease how long a claim lasts; a SENDING row whose lease expired (its node died) is claimed again
     * @param maxAttempts after this many failed attempts a message is FAILED
     * @param backoff first retry delay, doubled per attempt up to {@code maxBackoff}
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1000") long pollMillis,
            @DefaultValue("50") int batchSize,
            @DefaultValue("8") int concurrency,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("30s") Duration backoff,
            @DefaultValue("30m") Duration maxBackoff) {}

    /**
     * SMPP 3.4 client settings (jSMPP).
     *
     * @param bindType TRANSCEIVER (receives delivery receipts on the same link) or TRANSMITTER (no receipts)
     * @param keyTag vendor-specific TLV tag (0x1400-0x3FFF) carrying the message key on every submit_sm, so that the
     *        SMSC side can drop a resubmission after a crash; 0 leaves it out
     */
    public record Smpp(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("2775") int port,
            @DefaultValue("lianban") String systemId,
            @DefaultValue("") String password,
            @DefaultValue("") String systemType,
            @DefaultValue("TRANSCEIVER") String bindType,
            @DefaultValue("10690000") String sourceAddr,
            @DefaultValue("true") boolean requestReceipts,
            @DefaultValue("30s") Duration enquireLink,
            @DefaultValue("10s") Duration responseTimeout,
            @DefaultValue("1s") Duration reconnectBackoff,
            @DefaultValue("60s") Duration maxReconnectBackoff,
            @DefaultValue("5121") int keyTag) {}

    /**
     * A provider's JSON HTTP API: POST {@code {key, to, text, template}}, signed with HMAC-SHA256 over
     * {@code timestamp + "." + body} in header {@code X-Lianban-Signature}.
     */
    public record Http(URI url, @DefaultValue("") String secret, @DefaultValue("10s") Duration timeout) {}
}
