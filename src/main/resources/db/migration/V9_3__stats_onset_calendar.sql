-- The working-day calendar the stored deadline onsets (V9_2) were worked out with. Yellow depends on the holidays
-- between acceptance and the 80 % mark, so when an administrator replaces a year, a summary notices the changed
-- calendar here and has the open facts' onsets worked out again (one small query per summary when nothing changed).
create table stats_onset_calendar (
    id        int           not null primary key,
    calendar  varchar(4000) not null   -- "year@updatedAt/holidays/workdays,..." of CalendarAdmin.years()
);
