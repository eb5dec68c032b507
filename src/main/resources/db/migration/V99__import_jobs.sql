-- Reference-data imports started from the console (issue 19): kept in the database instead of one node's memory, so
-- the progress page, polled through a load balancer, finds its job on whichever node answers. The node that runs the
-- job writes its progress; a job whose node died stops being refreshed and reads as interrupted.
create table import_job (
    id         varchar(36) primary key,
    source     text not null,
    actor      text not null,
    node       text not null,
    started_at timestamptz not null,
    updated_at timestamptz not null,
    state      varchar(16) not null,
    percent    integer not null,
    phase      text not null,
    report     jsonb
);

create index import_job_started on import_job (started_at);
