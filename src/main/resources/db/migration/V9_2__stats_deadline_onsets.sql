-- Yellow and red without asking the case module for every running case: each open, accepted case's fact carries
-- when its deadline warning turns yellow and red as long as its state lasts (Cases.deadlineOnset, the case module's
-- own rule), refreshed with the fact on every case event. A summary counts them with one query over the open facts
-- (stats_case_open_idx). onset_known is false for rows written before this column existed and for bulk-loaded rows:
-- a summary fills those in on first use.
alter table stats_case add column yellow_from timestamp with time zone;
alter table stats_case add column red_after timestamp with time zone;
alter table stats_case add column due_on date;
alter table stats_case add column onset_known boolean default false not null;
