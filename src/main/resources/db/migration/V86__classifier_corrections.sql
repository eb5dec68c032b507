-- What operators taught the classifier (issue 22): the category an operator chose in triage for a ticket's
-- description. Every node retrains on these rows in the background (intake/ClassifierTraining), so a correction made
-- on one node is learned by all. One row per ticket: triaging it again replaces its lesson.
create table classifier_correction (
    ticket_id     bigint primary key references ticket (id) on delete cascade,
    description   text not null,
    category_code text not null,
    corrected_by  text not null,
    corrected_at  timestamptz not null
);

create index classifier_correction_newest on classifier_correction (corrected_at desc);
