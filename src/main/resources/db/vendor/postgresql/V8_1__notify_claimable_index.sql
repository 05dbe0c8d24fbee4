-- notify, PostgreSQL only (H2 has no partial indexes): the dispatcher's claim (SmsOutbox.claim) asks again and again
-- for due PENDING messages and SENDING ones whose lease expired. Every message ever sent stays in sms_message, so
-- with (status, next_attempt_at) alone the planner chose between a growing bitmap scan and a sequential scan as its
-- statistics lagged: 52 ms per claim at 150 000 messages, a quarter of the database's time in the cases benchmark.
-- This index holds only the messages in flight, in the claim's order.
create index sms_message_claimable_idx on sms_message (next_attempt_at, id) where status in ('PENDING', 'SENDING');
