package org.lianban.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lianban.common.PhoneNumbers;
import org.lianban.common.SqlParams;
import org.lianban.notify.FailedSms;
import org.lianban.notify.SmsRecord;
import org.lianban.notify.SmsStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The SMS outbox table ({@code sms_message}) and what the dispatcher and receipt handling do to it. Every state change
 * is one short transaction; a claim carries a token so that a node whose lease expired cannot overwrite the row of
 * the node that claimed it after.
 */
public class SmsOutbox {

    private static final Logger log = LoggerFactory.getLogger(SmsOutbox.class);
    private static final Set<String> FAILED_RECEIPTS = Set.of("UNDELIV", "EXPIRED", "DELETED", "REJECTD");

    /** A message to put in the outbox. */
    public record NewSms(String key, String caseNumber, String regionCode, String to, String template, String text) {}

    /** A row this dispatcher claimed: attempts counts this one. */
    public record Claimed(SmsGateway.Outgoing sms, int attempts) {}

    private final JdbcClient jdbc;
    private final TransactionOperations tx;
    private final Clock clock;

    public SmsOutbox(JdbcClient jdbc, TransactionOperations tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    private static final RowsIfAbsent INSERT = new RowsIfAbsent("sms_message", "message_key",
            "message_key varchar(200)", "case_number varchar(64)", "region_code varchar(12)", "to_phone varchar(32)",
            "template varchar(40)", "text varchar(1000)", "status varchar(12)", "attempts int",
            "next_attempt_at timestamp with time zone", "last_error varchar(500)",
            "created_at timestamp with time zone");

    /** Adds a PENDING message unless one with the same key exists; true if added. */
    public boolean enqueue(NewSms sms) {
        return insert(List.of(sms), SmsStatus.PENDING, null) == 1;
    }

    /** Adds the PENDING messages whose keys are not stored yet, with one statement per 500; how many were added. */
    public int enqueueAll(List<NewSms> messages) {
        return insert(messages, SmsStatus.PENDING, null);
    }

    /** Records a message that cannot be sent (e.g. no valid mobile number) as FAILED, so administrators see it. */
    public boolean recordUnsendable(NewSms sms, String reason) {
        return insert(List.of(sms), SmsStatus.FAILED, reason) == 1;
    }

    private int insert(List<NewSms> messages, SmsStatus status, String error) {
        OffsetDateTime now = now();
        try {
            return INSERT.insert(jdbc, messages.stream().map(m -> new Object[] {m.key(),
                    SqlParams.text(m.caseNumber()), SqlParams.text(m.regionCode()), m.to(), m.template(), m.text(),
                    status.name(), 0, now, SqlParams.text(error), now}).toList());
        } catch (DuplicateKeyException raced) {
            if (messages.size() > 1) {
                throw raced; // the batch is retried message by message
            }
            return 0; // another node inserted the same key between the check and the insert
        }
    }

    /**
     * Claimable messages: SENDING ones whose lease expired (their dispatcher died), then PENDING ones that are due,
     * oldest first. Two queries, each matching one partial index of V8_1 on PostgreSQL in its own order, so the plan
     * is an ordered index scan that stops at the limit (one query with both conditions got bitmap scans over every
     * index entry a message ever had).
     */
    static final String LEASE_EXPIRED = """
            select id from sms_message where status = 'SENDING' and claimed_until < :now
            order by claimed_until, id limit :limit for update skip locked""";
    static final String DUE = """
            select id from sms_message where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, id limit :limit for update skip locked""";

    /**
     * Claims up to {@code limit} due rows (PENDING and due, or SENDING with an expired lease) for this dispatcher:
     * {@code FOR UPDATE SKIP LOCKED} lets several nodes claim at once without waiting on each other or taking the
     * same row, and the claim is committed before anything is sent.
     */
    public List<Claimed> claim(int limit, Duration lease, String token) {
        return tx.execute(status -> {
            OffsetDateTime now = now();
            List<Long> ids = new ArrayList<>(jdbc.sql(LEASE_EXPIRED).param("now", now).param("limit", limit)
                    .query(Long.class).list());
            if (ids.size() < limit) {
                ids.addAll(jdbc.sql(DUE).param("now", now).param("limit", limit - ids.size()).query(Long.class)
                        .list());
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.sql("""
                    update sms_message set status = 'SENDING', claim_token = :token, claimed_until = :until,
                        attempts = attempts + 1
                    where id in (:ids)""")
                    .param("token", token).param("until", now.plus(lease)).param("ids", ids).update();
            return jdbc.sql("select id, message_key, to_phone, text, attempts from sms_message where claim_token = :token"
                            + " and id in (:ids) order by id")
                    .param("token", token).param("ids", ids)
                    .query((rs, n) -> new Claimed(new SmsGateway.Outgoing(rs.getLong("id"), rs.getString("message_key"),
                            rs.getString("to_phone"), rs.getString("text")), rs.getInt("attempts")))
                    .list();
        });
    }

    /** A message the gateway accepted, with the ids of its parts. */
    public record Sent(long id, List<String> partIds) {}

    /**
     * The gateway accepted these messages: record their part ids and mark them SENT (those this node still holds the
     * claim of), in one transaction. Call {@link #refreshDelivery} for them afterwards: a receipt may have come first.
     */
    public void sent(List<Sent> messages, String token) {
        OffsetDateTime now = now();
        List<Long> lost = tx.execute(status -> {
            List<Long> notOurs = new ArrayList<>();
            for (Sent m : messages) {
                List<String> partIds = m.partIds();
                for (int i = 0; i < partIds.size(); i++) {
                    jdbc.sql("""
                            insert into sms_submission (gateway_message_id, message_id, part_no, parts, submitted_at)
                            select :gw, :id, :part, :parts, :now
                            where not exists (select 1 from sms_submission where gateway_message_id = :gw)""")
                            .param("gw", partIds.get(i)).param("id", m.id()).param("part", i + 1)
                            .param("parts", partIds.size()).param("now", now).update();
                }
                if (jdbc.sql("""
                        update sms_message set status = 'SENT', sent_at = :now, gateway_message_id = :gw,
                            claim_token = null, claimed_until = null, last_error = null
                        where id = :id and claim_token = :token""")
                        .param("now", now).param("gw", truncate(String.join(",", partIds), 600))
                        .param("id", m.id()).param("token", token).update() != 1) {
                    notOurs.add(m.id());
                }
            }
            return notOurs;
        });
        // our lease expired during the send and another node claimed the row: it may reach the SMSC twice
        lost.forEach(id -> log.warn("SMS {} was sent after its claim expired; the SMSC may see its key twice", id));
    }

    /** The send failed: retry later with exponential backoff, or FAILED for good after {@code maxAttempts}. */
    public void failed(long id, String token, int attempts, String error, boolean permanent, int maxAttempts,
            Duration backoff, Duration maxBackoff) {
        boolean last = permanent || attempts >= maxAttempts;
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (delay.compareTo(maxBackoff) > 0) {
            delay = maxBackoff;
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                update sms_message set status = :status, next_attempt_at = :next, last_error = :error,
                    claim_token = null, claimed_until = null
                where id = :id and claim_token = :token""")
                .param("status", last ? "FAILED" : "PENDING").param("next", now.plus(delay))
                .param("error", truncate(error, 500)).param("id", id).param("token", token).update();
    }

    /**
     * A delivery receipt from the gateway. Stored first (it may come before the submission is recorded), then the
     * message becomes DELIVERED once every part is delivered, or FAILED on a failure receipt. Repeats are no-ops.
     */
    public void receipt(String gatewayMessageId, String state) {
        boolean delivered = "DELIVRD".equals(state);
        if (!delivered && !FAILED_RECEIPTS.contains(state)) {
            return; // intermediate states (ENROUTE, ACCEPTD, UNKNOWN): wait for the final one
        }
        try {
            jdbc.sql("""
                    insert into sms_receipt (gateway_message_id, state, received_at)
                    select :gw, :state, :now where not exists (select 1 from sms_receipt where gateway_message_id = :gw)""")
                    .param("gw", gatewayMessageId).param("state", state).param("now", now()).update();
        } catch (DuplicateKeyException repeated) {
            return;
        }
        Optional<Long> id = jdbc.sql("select message_id from sms_submission where gateway_message_id = :gw")
                .param("gw", gatewayMessageId).query(Long.class).optional();
        id.ifPresent(i -> refreshDelivery(List.of(i)));
    }

    /**
     * SENT becomes DELIVERED when every part has a DELIVRD receipt, FAILED when any part has a failure receipt. Runs
     * after both the receipt and the submission are committed, whichever comes last sees the other. Two statements
     * for any number of messages (the dispatcher's batch).
     */
    void refreshDelivery(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                update sms_message set status = 'DELIVERED', delivered_at = :now
                where id in (:ids) and status = 'SENT'
                  and (select count(distinct s.part_no) from sms_submission s
                       join sms_receipt r on r.gateway_message_id = s.gateway_message_id
                       where s.message_id = sms_message.id and r.state = 'DELIVRD')
                    = (select max(s.parts) from sms_submission s where s.message_id = sms_message.id)""")
                .param("now", now).param("ids", ids).update();
        jdbc.sql("""
                update sms_message set status = 'FAILED', last_error = 'delivery receipt: ' || (
                    select min(r.state) from sms_submission s join sms_receipt r on r.gateway_message_id = s.gateway_message_id
                    where s.message_id = sms_message.id and r.state <> 'DELIVRD')
                where id in (:ids) and status = 'SENT'
                  and exists (select 1 from sms_submission s join sms_receipt r on r.gateway_message_id = s.gateway_message_id
                              where s.message_id = sms_message.id and r.state <> 'DELIVRD')""")
                .param("ids", ids).update();
    }

    enum Retry { RETRIED, NOT_FOUND, NOT_FAILED, NOT_A_MOBILE }

    /** A FAILED message back to PENDING with its attempts reset (administrators, after fixing the cause). */
    public Retry retry(long id) {
        Optional<String[]> row = jdbc.sql("select status, to_phone from sms_message where id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (row.isEmpty()) {
            return Retry.NOT_FOUND;
        }
        if (!PhoneNumbers.isMainlandMobile(row.get()[1])) {
            return Retry.NOT_A_MOBILE;
        }
        int updated = jdbc.sql("""
                update sms_message set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null
                where id = :id and status = 'FAILED'""").param("now", now()).param("id", id).update();
        return updated == 1 ? Retry.RETRIED : Retry.NOT_FAILED;
    }

    public List<SmsRecord> forCase(String caseNumber) {
        return jdbc.sql("select to_phone, template, text, status, sent_at from sms_message where case_number = :c order by id")
                .param("c", caseNumber)
                .query((rs, n) -> new SmsRecord(PhoneNumbers.mask(rs.getString("to_phone")), rs.getString("template"),
                        rs.getString("text"), SmsStatus.valueOf(rs.getString("status")), instant(rs, "sent_at")))
                .list();
    }

    public List<FailedSms> failed(int limit) {
        return jdbc.sql("""
                select id, case_number, to_phone, template, attempts, last_error, created_at from sms_message
                where status = 'FAILED' order by id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new FailedSms(rs.getLong("id"), rs.getString("case_number"),
                        PhoneNumbers.mask(rs.getString("to_phone")), rs.getString("template"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs, "created_at")))
                .list();
    }

    /** Status of the message with this key, if any (tests and operations). */
    public Optional<SmsStatus> status(String key) {
        return jdbc.sql("select status from sms_message where message_key = :key").param("key", key)
                .query((rs, n) -> SmsStatus.valueOf(rs.getString(1))).optional();
    }

    /** Microseconds: what both databases store, so a row written "now" is due "now" (no rounding up). */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
