-- Rates and reports filter by street (街道) as well as community: the place tree resolved once per place, as before,
-- now also naming the street above it. The new column is appended, so CREATE OR REPLACE keeps the view's users.
CREATE OR REPLACE VIEW place_area AS
WITH RECURSIVE up (place_id, ancestor_id) AS (
    SELECT id, id FROM place
    UNION ALL
    SELECT up.place_id, p.parent_id FROM up JOIN place p ON p.id = up.ancestor_id WHERE p.parent_id IS NOT NULL
)
SELECT up.place_id,
       max(a.id) FILTER (WHERE a.type = 'community') AS community_id,
       max(a.id) FILTER (WHERE a.type = 'grid') AS grid_id,
       max(a.id) FILTER (WHERE a.type = 'street') AS street_id
FROM up JOIN place a ON a.id = up.ancestor_id
GROUP BY up.place_id;
