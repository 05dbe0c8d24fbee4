-- Region tree (行政区划, GB/T 2260): reference data loaded from data/shanxi-regions.csv on first start.
create table region (
    code        varchar(6)   not null primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null,
    parent_code varchar(6)   references region (code)
);
create index region_by_parent_idx on region (parent_code);
