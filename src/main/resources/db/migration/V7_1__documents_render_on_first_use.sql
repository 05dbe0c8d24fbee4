-- documents: issued at the case event, rendered and signed on first use (issue 3, listener throughput).
-- At the event the row is stored with its number, issue time, authority, validity and verification code, and with
-- a snapshot of everything printed on it (the document request as JSON). The signed PDF is rendered from that
-- snapshot the first time anyone needs it; until then the file columns are null. Rows issued before this
-- migration were rendered at once and have their file but no snapshot.
alter table document alter column storage_key drop not null;
alter table document alter column size_bytes drop not null;
alter table document alter column sha256 drop not null;
alter table document add column snapshot text;
alter table document add constraint document_file_or_snapshot_ck
    check (storage_key is not null or snapshot is not null);
