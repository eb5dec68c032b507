-- Every outcome of a call-back survey (回访) as a row of its own, so the satisfaction rate counts every answer (a
-- ticket reopened and solved later has two), each attributed to the lead assignment whose resolution was asked about.
-- outcome: SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, NOT_SOLVED, or NO_REPLY (nobody answered within
-- hub.survey.no-reply-after) / NOT_ASKED (no channel reaches the resident); those two are kept apart in the rates.
-- excluded: a supervisor upheld the partner's appeal against this result, so the rates leave it out.
CREATE TABLE survey_answer (
    id            BIGSERIAL PRIMARY KEY,
    ticket_id     BIGINT NOT NULL REFERENCES ticket (id),
    assignment_id BIGINT REFERENCES assignment (id),
    outcome       TEXT NOT NULL,
    channel       TEXT,
    asked_at      TIMESTAMPTZ NOT NULL,
    answered_at   TIMESTAMPTZ NOT NULL,
    excluded      BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT survey_answer_once UNIQUE (ticket_id, asked_at)
);
CREATE INDEX survey_answer_ticket_idx ON survey_answer (ticket_id, id);
CREATE INDEX survey_answer_assignment_idx ON survey_answer (assignment_id);

-- The ticket keeps its latest outcome and whether an upheld appeal took it out of the rates (the resolution rate
-- reads these two without visiting survey_answer).
ALTER TABLE ticket
    ADD COLUMN survey_outcome  TEXT,
    ADD COLUMN survey_excluded BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE ticket SET survey_outcome = survey_result WHERE survey_result IS NOT NULL;
INSERT INTO survey_answer (ticket_id, assignment_id, outcome, channel, asked_at, answered_at)
SELECT t.id, (SELECT max(a.id) FROM assignment a WHERE a.ticket_id = t.id AND a.role = 'lead' AND a.state = 'RESOLVED'),
       t.survey_result, NULL, coalesce(t.survey_requested_at, t.survey_answered_at), t.survey_answered_at
FROM ticket t WHERE t.survey_result IS NOT NULL AND t.survey_answered_at IS NOT NULL;

-- The resolved tickets still waiting for an answer, oldest question first (the no-reply sweep).
CREATE INDEX ticket_survey_waiting_idx ON ticket (survey_requested_at)
    WHERE status = 'RESOLVED' AND survey_answered_at IS NULL;

-- A partner's appeal (申诉) against a survey result, one per result; a supervisor upholds or rejects it.
CREATE TABLE survey_appeal (
    id               BIGSERIAL PRIMARY KEY,
    survey_answer_id BIGINT NOT NULL UNIQUE REFERENCES survey_answer (id),
    ticket_id        BIGINT NOT NULL REFERENCES ticket (id),
    assignment_id    BIGINT NOT NULL REFERENCES assignment (id),
    partner_code     TEXT NOT NULL,
    reason           TEXT NOT NULL,
    status           TEXT NOT NULL,
    filed_at         TIMESTAMPTZ NOT NULL,
    decided_at       TIMESTAMPTZ,
    decided_by       TEXT,
    decision_note    TEXT
);
CREATE INDEX survey_appeal_status_idx ON survey_appeal (status, filed_at);
