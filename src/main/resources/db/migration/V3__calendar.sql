-- Working-day calendar: statutory holidays and adjusted working weekends (调休), loaded from data/cn-holidays.csv on
-- first start and replaced per year by administrators. A year is "covered" when it has a calendar_year row.
-- Columns are year_number and day_date because YEAR and DAY are reserved words in H2.
create table calendar_year (
    year_number int          not null primary key,
    source      varchar(200) not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100) not null
);

create table calendar_day (
    day_date date         not null primary key,
    kind     varchar(10)  not null,
    name     varchar(100) not null,
    constraint calendar_day_kind_ck check (kind in ('HOLIDAY', 'WORKDAY'))
);
