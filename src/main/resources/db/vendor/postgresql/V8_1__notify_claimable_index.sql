-- notify, PostgreSQL only (H2 has no partial indexes): the dispatcher's claim (SmsOutbox.claim) asks again and again
-- for SENDING messages whose lease expired and for due PENDING ones. Every message ever sent stays in sms_message, so
-- with (status, next_attempt_at) alone each claim read index entries of every message (52 ms per claim at 150 000
-- messages, a quarter of the database's time in the cases benchmark). These indexes hold only messages in one state,
-- in the order the claim takes them: an ordered index scan that stops at the claim's limit (and marks the entries of
-- messages that moved on as dead as it passes them).
create index sms_message_pending_idx on sms_message (next_attempt_at, id) where status = 'PENDING';
create index sms_message_sending_idx on sms_message (claimed_until, id) where status = 'SENDING';
-- The administrators' list of failed messages (SmsOutbox.failed), newest first; then the index on every message's
-- status has no reader left, and each status change would only add dead entries to it.
create index sms_message_failed_idx on sms_message (id) where status = 'FAILED';
drop index sms_message_due_idx;
