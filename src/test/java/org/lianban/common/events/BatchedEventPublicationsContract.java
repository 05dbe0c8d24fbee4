package org.lianban.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianban.cases.CaseEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's rows of one transaction are written by one statement before the commit, and read back by Spring
 * Modulith exactly as if it had written them itself; a rollback leaves none.
 */
abstract class BatchedEventPublicationsContract {

    private static final String TEST_LISTENER = "org.lianban.common.events.TestListener.on(";

    @Autowired EventPublicationRepository repository;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void removeTestRows() {
        jdbc.update("delete from event_publication where listener_id like ?", TEST_LISTENER + "%");
    }

    @Test
    void publicationsOfOneTransactionAreWrittenTogetherAtCommitAndReadBackByModulith() {
        Instant at = Instant.parse("2026-11-02T02:00:00Z");
        CaseEvent event = new CaseEvent.CaseAccepted("T-BATCH-1", at, java.time.LocalDate.of(2026, 11, 20));
        List<TargetEventPublication> created = tx.execute(status -> {
            List<TargetEventPublication> ps = List.of(
                    repository.create(TargetEventPublication.of(event, target("a"), at)),
                    repository.create(TargetEventPublication.of(event, target("b"), at)),
                    repository.create(TargetEventPublication.of(event, target("c"), at)));
            assertThat(rows()).as("nothing written before the commit").isZero();
            return ps;
        });

        assertThat(rows()).isEqualTo(3);
        List<TargetEventPublication> incomplete = repository.findIncompletePublications().stream()
                .filter(p -> p.getTargetIdentifier().getValue().startsWith(TEST_LISTENER)).toList();
        assertThat(incomplete).extracting(TargetEventPublication::getIdentifier)
                .containsExactlyInAnyOrderElementsOf(created.stream().map(TargetEventPublication::getIdentifier)
                        .toList());
        assertThat(incomplete).allSatisfy(p -> {
            assertThat(p.getEvent()).isEqualTo(event);
            assertThat(p.getPublicationDate().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(at);
        });

        UUID first = created.getFirst().getIdentifier();
        repository.markCompleted(first, at.plusSeconds(1));
        assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id like ? "
                + "and completion_date is null", Long.class, TEST_LISTENER + "%")).isEqualTo(2);
    }

    @Test
    void aTransactionWithMorePublicationsThanOneStatementTakesWritesThemAll() {
        Instant at = Instant.parse("2026-11-02T05:00:00Z");
        int n = BatchedEventPublications.Batching.MAX_ROWS_PER_STATEMENT * 9 + 1; // 72 008 parameters in all
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < n; i++) {
                repository.create(TargetEventPublication.of(new CaseEvent.CaseIssued("T-BATCH-4-" + i, at),
                        target("many"), at));
            }
        });
        assertThat(rows()).isEqualTo(n);
    }

    @Test
    void processingIsNotRecordedSoAPublicationGoesFromPublishedToCompleted() {
        Instant at = Instant.parse("2026-11-02T06:00:00Z");
        TargetEventPublication p = repository.create(
                TargetEventPublication.of(new CaseEvent.CaseIssued("T-BATCH-5", at), target("p"), at));

        repository.markProcessing(p.getIdentifier());
        assertThat(status(p.getIdentifier())).isEqualTo("PUBLISHED");
        repository.markCompleted(p.getIdentifier(), at.plusSeconds(1));
        assertThat(status(p.getIdentifier())).isEqualTo("COMPLETED");
    }

    @Test
    void completionsOfABatchAreWrittenTogetherAfterItsCompletionsRan() {
        Instant at = Instant.parse("2026-11-02T07:00:00Z");
        List<TargetEventPublication> ps = java.util.stream.IntStream.range(0, 3).mapToObj(i -> repository.create(
                TargetEventPublication.of(new CaseEvent.CaseIssued("T-BATCH-6-" + i, at), target("c"), at))).toList();
        List<UUID> ids = ps.stream().map(TargetEventPublication::getIdentifier).toList();

        BatchedEventPublications.completedTogether(() -> {
            // as Modulith's registry does it
            ps.forEach(p -> repository.markCompleted(p, at.plusSeconds(1)));
            assertThat(ids).as("collected, not yet written").allSatisfy(id ->
                    assertThat(status(id)).isEqualTo("PUBLISHED"));
        });

        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("COMPLETED"));
        assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id like ? "
                + "and completion_date is null", Long.class, TEST_LISTENER + "%")).isZero();
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from event_publication where id = ?", String.class, id);
    }

    @Test
    void aRolledBackTransactionLeavesNoPublication() {
        Instant at = Instant.parse("2026-11-02T03:00:00Z");
        tx.executeWithoutResult(status -> {
            repository.create(TargetEventPublication.of(new CaseEvent.CaseIssued("T-BATCH-2", at), target("a"), at));
            status.setRollbackOnly();
        });
        assertThat(rows()).isZero();
    }

    @Test
    void outsideATransactionThePublicationIsWrittenAtOnce() {
        Instant at = Instant.parse("2026-11-02T04:00:00Z");
        repository.create(TargetEventPublication.of(new CaseEvent.CaseIssued("T-BATCH-3", at), target("a"), at));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void theNightlyPurgeDeletesOnlyPublicationsCompletedLongAgo() {
        Instant longAgo = Instant.parse("2000-01-03T00:00:00Z");
        Instant recent = Instant.now().plus(1, ChronoUnit.DAYS);
        UUID old = insert("old", longAgo, longAgo);
        UUID fresh = insert("fresh", recent, recent);
        UUID open = insert("open", longAgo, null);

        purge.run();

        assertThat(jdbc.queryForList("select id from event_publication where listener_id like ?", UUID.class,
                TEST_LISTENER + "%")).containsExactlyInAnyOrder(fresh, open).doesNotContain(old);
    }

    @Autowired CompletedPublicationsPurge purge;

    private UUID insert(String name, Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                + "completion_date, status, completion_attempts) values (?, ?, ?, ?, ?, ?, ?, 1)", id,
                target(name).getValue(), CaseEvent.CaseIssued.class.getName(), "{}", java.sql.Timestamp.from(published),
                completed == null ? null : java.sql.Timestamp.from(completed), completed == null ? "PUBLISHED"
                        : "COMPLETED");
        return id;
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from event_publication where listener_id like ?", Long.class,
                TEST_LISTENER + "%");
    }

    private static PublicationTargetIdentifier target(String name) {
        return PublicationTargetIdentifier.of(TEST_LISTENER + name + ")");
    }
}
