-- documents: the idle pre-renderer asks for the oldest documents without a file ("storage_key is null order by id")
-- every few seconds; without this index that walked the primary key past every rendered document.
create index document_not_rendered_idx on document (storage_key, id);
