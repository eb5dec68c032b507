-- The three rates (三率) are computed by grouped SQL over assignment, ticket and survey_answer. Places are few
-- (thousands) and tickets many (millions): this view resolves every place's community and grid once through the place
-- tree, and the rate queries join tickets to it by place_id.
CREATE VIEW place_area AS
WITH RECURSIVE up (place_id, ancestor_id) AS (
    SELECT id, id FROM place
    UNION ALL
    SELECT up.place_id, p.parent_id FROM up JOIN place p ON p.id = up.ancestor_id WHERE p.parent_id IS NOT NULL
)
SELECT up.place_id,
       max(a.id) FILTER (WHERE a.type = 'community') AS community_id,
       max(a.id) FILTER (WHERE a.type = 'grid') AS grid_id
FROM up JOIN place a ON a.id = up.ancestor_id
GROUP BY up.place_id;

-- Periods: assignments by when they were offered, tickets by when they were filed.
CREATE INDEX assignment_offered_idx ON assignment (offered_at);
CREATE INDEX ticket_created_idx ON ticket (created_at);
-- The ticket's lead (the latest lead assignment) is found through this index.
CREATE INDEX assignment_ticket_lead_idx ON assignment (ticket_id, id DESC) WHERE role = 'lead';
