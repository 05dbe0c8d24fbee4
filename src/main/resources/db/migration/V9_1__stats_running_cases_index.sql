-- Supervision asks the case module for the warnings of the running cases of an area (Cases.deadlineWarnings:
-- accepted, not finished). For a province-wide area the region filter selects every row, so without this index a
-- dashboard request would read the whole case table; with it, only the (few) running cases.
create index stats_case_file_running_idx on case_file (finished_at, accepted_at);
