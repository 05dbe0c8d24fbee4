package org.lianban.common.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

/**
 * Writes the event publications of one transaction with a single multi-row {@code INSERT}, just before it commits.
 *
 * <p>Spring Modulith's JDBC registry stores one row per listening module and event, each with its own statement:
 * with three modules listening to case events, every case transition would pay three round trips more. Deferring
 * the rows to {@code beforeCommit} changes nothing else: they still commit with the transition or not at all, and
 * the listeners run only after the commit (they mark their row completed by its id). Outside a transaction, and for
 * anything published after the flush, rows are written at once, as Modulith does. The columns are those of
 * {@code event_publication} in {@code V1__platform.sql} (Modulith's schema, version 2).
 */
@Configuration(proxyBeanMethods = false)
public class BatchedEventPublications {

    @Bean
    static BeanPostProcessor batchedEventPublicationRepository(ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<EventSerializer> serializer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventPublicationRepository r && !(bean instanceof Batching)
                        ? new Batching(r, jdbc, serializer) : bean;
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
        private final ObjectProvider<JdbcTemplate> jdbc;
        private final ObjectProvider<EventSerializer> serializer;

        Batching(EventPublicationRepository delegate, ObjectProvider<JdbcTemplate> jdbc,
                ObjectProvider<EventSerializer> serializer) {
            this.delegate = delegate;
            this.jdbc = jdbc;
            this.serializer = serializer;
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()
                    || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return delegate.create(publication);
            }
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                pending = new Pending();
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            if (pending.flushed) {
                return delegate.create(publication);
            }
            pending.rows.add(publication);
            return publication;
        }

        /** The rows of one transaction, written in {@code beforeCommit}. */
        private final class Pending implements TransactionSynchronization {

            private final List<TargetEventPublication> rows = new ArrayList<>();
            private boolean flushed;

            @Override
            public void beforeCommit(boolean readOnly) {
                flushed = true;
                if (rows.isEmpty()) {
                    return;
                }
                EventSerializer s = serializer.getObject();
                for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
                    List<TargetEventPublication> chunk = rows.subList(from,
                            Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
                    List<Object> args = new ArrayList<>(chunk.size() * 8);
                    for (TargetEventPublication p : chunk) {
                        Timestamp published = Timestamp.from(p.getPublicationDate());
                        args.add(p.getIdentifier());
                        args.add(p.getEvent().getClass().getName());
                        args.add(p.getTargetIdentifier().getValue());
                        args.add(published);
                        args.add(s.serialize(p.getEvent()).toString());
                        args.add(p.getStatus().name());
                        args.add(1);
                        args.add(published);
                    }
                    jdbc.getObject().update(INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)),
                            args.toArray());
                }
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
        public void markCompleted(TargetEventPublication publication, Instant completionDate) {
            delegate.markCompleted(publication, completionDate);
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            delegate.markCompleted(event, identifier, completionDate);
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            delegate.markCompleted(identifier, completionDate);
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
