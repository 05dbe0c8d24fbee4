-- Statistics (电子监察). Derived data only: everything here can be rebuilt from the case tables (V6).

-- One narrow row per submitted case: the case's own timeline figures, refreshed on every case event. Working days are
-- kept in hundredths (centidays) so sums are exact integers.
create table stats_case (
    case_id           bigint       not null primary key,
    case_number       varchar(32)  not null,
    case_version      int          not null,
    region_code       varchar(12)  not null,   -- filing region
    matter_code       varchar(64)  not null,
    matter_version_id bigint       not null,
    category          varchar(32)  not null,
    received_on       date         not null,   -- China date of the first submission
    status            varchar(24)  not null,
    finished          boolean      not null,
    working_cd        int,                     -- final working days x 100
    on_time           boolean,
    step_cd           varchar(2000) not null   -- "stepCode|party|LEVEL=cd;..." per step, returns summed
);
create index stats_case_received_idx on stats_case (received_on);
create index stats_case_open_idx on stats_case (finished, received_on);
create index stats_case_matter_idx on stats_case (matter_code, received_on);
create index stats_case_category_idx on stats_case (category, received_on);
create index stats_case_region_idx on stats_case (region_code, received_on);

-- Monthly tallies (JSON of org.lianban.stats.internal.Tally) per area: the province, each city and each county.
-- Built on first use for months before last month; a change to a case received in a month deletes that month.
create table stats_month (
    month_start date         not null,
    scope_code  varchar(12)  not null,
    tally       text         not null,
    primary key (month_start, scope_code)
);
create table stats_month_built (
    month_start date         not null primary key,
    built_at    timestamp with time zone not null
);
