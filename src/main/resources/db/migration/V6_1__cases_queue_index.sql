-- The task queue is read as "oldest first, then by case": the index carries both, so a queue of any length is a
-- top-N index range scan with no sort (measured with 1,000,000 cases: docs/benchmarks.md).
drop index case_task_queue_idx;
create index case_task_queue_idx on case_task (region_code, role, since, case_id);
