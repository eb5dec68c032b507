-- Which reference-data file was last applied at start with which content (issue 17: time to ready). A start skips
-- the leading files whose digest is unchanged, unless reference data was edited through the console or the API since
-- (audit_log entries after audit_mark), so a restart after a crash does not write the whole district again.
create table reference_file_applied (
    name        text primary key,
    digest      text not null,
    audit_mark  bigint not null,
    applied_at  timestamptz not null
);
