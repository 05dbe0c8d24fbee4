package org.lianban.notify.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.lianban.common.SqlParams;
import org.lianban.notify.Notice;
import org.lianban.notify.NoticeInbox;
import org.lianban.notify.NoticeKind;
import org.lianban.notify.Notices;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notice} table: in-app notices of officials, each at most once per {@code notice_key}. */
@Repository
class NoticeStore implements Notices {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notice to add; its key makes adding it twice a no-op. */
    record NewNotice(String key, String username, String caseNumber, NoticeKind kind, String text) {}

    private static final RowsIfAbsent INSERT = new RowsIfAbsent("notice", "notice_key", "notice_key varchar(240)",
            "username varchar(100)", "case_number varchar(64)", "kind varchar(10)", "text varchar(500)",
            "created_at timestamp with time zone");

    /** Adds the notice unless one with the same key exists; true if added. */
    boolean add(String key, String username, String caseNumber, NoticeKind kind, String text) {
        try {
            return addAll(List.of(new NewNotice(key, username, caseNumber, kind, text))) == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Adds the notices whose keys are not stored yet, with one statement per 500; returns how many were added. */
    int addAll(List<NewNotice> notices) {
        OffsetDateTime now = now();
        return INSERT.insert(jdbc, notices.stream().map(n -> new Object[] {n.key(), n.username(),
                SqlParams.text(n.caseNumber()), n.kind().name(), n.text(), now}).toList());
    }

    @Override
    public NoticeInbox inbox(String username, int limit) {
        int unread = jdbc.sql("select count(*) from notice where username = :u and read_at is null")
                .param("u", username).query(Integer.class).single();
        List<Notice> notices = jdbc.sql("""
                select id, case_number, kind, text, created_at, read_at from notice where username = :u
                order by created_at desc, id desc limit :limit""")
                .param("u", username).param("limit", limit)
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getString("case_number"),
                        NoticeKind.valueOf(rs.getString("kind")), rs.getString("text"),
                        SmsOutbox.instant(rs, "created_at"), SmsOutbox.instant(rs, "read_at")))
                .list();
        return new NoticeInbox(unread, notices);
    }

    @Override
    public boolean markRead(String username, long noticeId) {
        jdbc.sql("update notice set read_at = :now where id = :id and username = :u and read_at is null")
                .param("now", now()).param("id", noticeId).param("u", username).update();
        return jdbc.sql("select count(*) from notice where id = :id and username = :u")
                .param("id", noticeId).param("u", username).query(Integer.class).single() == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
