-- Platform tables shared by all modules. Each module owns its own migration (V2 region, V3 calendar, V4 catalog,
-- V5 identity, V6 cases, V7 documents, V8 notify, V9 stats); the same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.

-- Spring Modulith 2.x JDBC event publication registry (v2 structure): the transactional outbox for domain events.
create table event_publication (
    id                      uuid not null primary key,
    listener_id             varchar(512) not null,
    event_type              varchar(512) not null,
    serialized_event        varchar(4000) not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  varchar(20),
    completion_attempts     int,
    last_resubmission_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- ShedLock: scheduled jobs run on one node at a time.
create table shedlock (
    name       varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);
