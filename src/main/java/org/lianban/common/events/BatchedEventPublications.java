package org.lianban.common.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.lianban.common.WriteBehind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the event publications of one transaction with a single multi-row {@code INSERT}, just before it commits,
 * together with the transaction's other queued writes ({@link WriteBehind}: one round trip on PostgreSQL).
 *
 * <p>Spring Modulith's JDBC registry stores one row per listening module and event, each with its own statement:
 * with three modules listening to case events, every case transition would pay three round trips more. Deferring
 * the rows to {@code beforeCommit} changes nothing else: they still commit with the transition or not at all, and
 * the listeners run only after the commit (they mark their row completed by its id). Outside a transaction, and for
 * anything published after the flush, rows are written at once, as Modulith does. The columns are those of
 * {@code event_publication} in {@code V1__platform.sql} (Modulith's schema, version 2).
 *
 * <p>Completion marks can be batched too ({@link #completedTogether}): the listener batches of
 * {@link org.lianban.common.ListenerBatches} complete many publications at once, and one {@code UPDATE} marks them
 * all instead of one statement and commit each. This assumes Modulith's default completion mode ({@code update}).
 */
@Configuration(proxyBeanMethods = false)
public class BatchedEventPublications {

    private static final Logger log = LoggerFactory.getLogger(BatchedEventPublications.class);

    /** The completion marks being collected on this thread, if {@link #completedTogether} is running. */
    private static final ThreadLocal<Completions> COLLECTING = new ThreadLocal<>();

    /**
     * Runs {@code completions} (which complete listener futures, so Modulith marks their publications completed) and
     * writes the marks it causes on this thread with one statement per 1 000, after it returns. Should that write
     * fail, the publications stay incomplete and are republished on restart (listeners are idempotent).
     */
    public static void completedTogether(Runnable completions) {
        if (COLLECTING.get() != null) {
            completions.run();
            return;
        }
        Completions collected = new Completions();
        COLLECTING.set(collected);
        try {
            completions.run();
        } finally {
            COLLECTING.remove();
        }
        collected.write();
    }

    /** Publication ids to mark completed, and the repository that was asked to. */
    private static final class Completions {

        private final List<UUID> ids = new ArrayList<>();
        private Batching repository;
        private Instant latest = Instant.EPOCH;

        void add(Batching repository, UUID id, Instant at) {
            this.repository = repository;
            ids.add(id);
            latest = at.isAfter(latest) ? at : latest;
        }

        void write() {
            if (ids.isEmpty()) {
                return;
            }
            try {
                repository.markAllCompleted(ids, latest);
            } catch (RuntimeException e) {
                log.warn("could not mark {} event publications completed; they are republished on restart",
                        ids.size(), e);
            }
        }
    }

    /** Consecutive pieces of at most {@link Batching#MAX_ROWS_PER_STATEMENT}, one statement each. */
    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += Batching.MAX_ROWS_PER_STATEMENT) {
            out.add(all.subList(from, Math.min(all.size(), from + Batching.MAX_ROWS_PER_STATEMENT)));
        }
        return out;
    }

    /**
     * Events as JSON with the application's mapper. Spring Modulith's own serializer asks the bean factory for the
     * mapper on every event: a tenth of a case transition's CPU in the benchmark. This one is given it once.
     */
    @Bean
    EventSerializer eventSerializer(JsonMapper mapper) {
        return new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                return mapper.writeValueAsString(event);
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return mapper.readValue(serialized.toString(), type);
            }
        };
    }

    @Bean
    static BeanPostProcessor batchedEventPublicationRepository(ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<EventSerializer> serializer, ObjectProvider<WriteBehind> writeBehind) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventPublicationRepository r && !(bean instanceof Batching)
                        ? new Batching(r, jdbc, serializer, writeBehind) : bean;
            }
        };
    }

    static final class Batching implements EventPublicationRepository {

        private static final String INSERT = "insert into event_publication (id, event_type, listener_id, "
                + "publication_date, serialized_event, status, completion_attempts, last_resubmission_date) values ";
        private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
        /** PostgreSQL's protocol carries at most 65 535 parameters per statement; 8 per row. */
        static final int MAX_ROWS_PER_STATEMENT = 1000;

        private final EventPublicationRepository delegate;
        // looked up once, when first needed: the post-processor is created before these beans exist
        private final Supplier<JdbcTemplate> jdbc;
        private final Supplier<EventSerializer> serializer;
        private final Supplier<WriteBehind> writeBehind;

        Batching(EventPublicationRepository delegate, ObjectProvider<JdbcTemplate> jdbc,
                ObjectProvider<EventSerializer> serializer, ObjectProvider<WriteBehind> writeBehind) {
            this.delegate = delegate;
            this.jdbc = SingletonSupplier.of(jdbc::getObject);
            this.serializer = SingletonSupplier.of(serializer::getObject);
            this.writeBehind = SingletonSupplier.of(writeBehind::getObject);
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return delegate.create(publication);
            }
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                pending = new Pending();
                if (!writeBehind.get().later(pending::statements)) {
                    return delegate.create(publication);
                }
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            if (pending.flushed) {
                return delegate.create(publication);
            }
            pending.rows.add(publication);
            return publication;
        }

        /** The rows of one transaction, made into statements when it flushes its {@link WriteBehind} writes. */
        private final class Pending implements TransactionSynchronization {

            private final List<TargetEventPublication> rows = new ArrayList<>();
            private boolean flushed;

            List<WriteBehind.Statement> statements() {
                flushed = true;
                EventSerializer s = serializer.get();
                // an event has a row per listening module: serialized once
                Map<Object, String> serialized = new java.util.IdentityHashMap<>();
                List<WriteBehind.Statement> out = new ArrayList<>();
                for (List<TargetEventPublication> chunk : chunks(rows)) {
                    List<Object> args = new ArrayList<>(chunk.size() * 8);
                    for (TargetEventPublication p : chunk) {
                        Timestamp published = Timestamp.from(p.getPublicationDate());
                        args.add(p.getIdentifier());
                        args.add(p.getEvent().getClass().getName());
                        args.add(p.getTargetIdentifier().getValue());
                        args.add(published);
                        args.add(serialized.computeIfAbsent(p.getEvent(), e -> s.serialize(e).toString()));
                        args.add(p.getStatus().name());
                        args.add(1);
                        args.add(published);
                    }
                    out.add(new WriteBehind.Statement(INSERT + String.join(", ",
                            Collections.nCopies(chunk.size(), ROW)), args.toArray()));
                }
                return out;
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Batching.this);
            }
        }

        // everything else as Modulith's own repository does it

        /**
         * Not recorded. Modulith marks a publication {@code PROCESSING} just before its listener runs, outside the
         * listener's transaction: one more commit for every listener and event (with the commit of the listener and
         * the one marking it completed, three per publication). Nothing here reads that state (no staleness
         * monitoring is configured); a publication stays {@code PUBLISHED} until it is {@code COMPLETED} or
         * {@code FAILED}, and an incomplete one is republished on restart either way.
         */
        @Override
        public void markProcessing(UUID identifier) {
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            delegate.markCompleted(event, identifier, completionDate);
        }

        /**
         * Collected while {@link #completedTogether} runs on this thread, else written at once. (Modulith's registry
         * calls {@code markCompleted(TargetEventPublication, Instant)}, whose interface default comes here.)
         */
        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            Completions collecting = COLLECTING.get();
            if (collecting != null) {
                collecting.add(this, identifier, completionDate);
                return;
            }
            delegate.markCompleted(identifier, completionDate);
        }

        /** Outside any transaction: each statement commits on its own. */
        void markAllCompleted(List<UUID> identifiers, Instant completionDate) {
            Timestamp at = Timestamp.from(completionDate);
            for (List<UUID> chunk : chunks(identifiers)) {
                List<Object> args = new ArrayList<>(chunk.size() + 1);
                args.add(at);
                args.addAll(chunk);
                jdbc.get().update("update event_publication set status = 'COMPLETED', completion_date = ? "
                        + "where id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                        args.toArray());
            }
        }

        @Override
        public void markFailed(UUID identifier) {
            delegate.markFailed(identifier);
        }

        @Override
        public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
            return delegate.markResubmitted(identifier, resubmissionDate);
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return delegate.findIncompletePublications();
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return delegate.findIncompletePublicationsPublishedBefore(instant);
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
                PublicationTargetIdentifier targetIdentifier) {
            return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
        }

        @Override
        public List<TargetEventPublication> findCompletedPublications() {
            return delegate.findCompletedPublications();
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            delegate.deletePublications(identifiers);
        }

        @Override
        public void deleteCompletedPublications() {
            delegate.deleteCompletedPublications();
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
            delegate.deleteCompletedPublicationsBefore(instant);
        }

        @Override
        public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
            return delegate.findFailedPublications(criteria);
        }

        @Override
        public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
            return delegate.findByStatus(status);
        }

        @Override
        public int countByStatus(EventPublication.Status status) {
            return delegate.countByStatus(status);
        }
    }
}
