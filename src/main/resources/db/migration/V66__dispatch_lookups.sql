-- Dispatch decides on every ticket (target P6: p99 <= 5 ms with 100k volunteers and 10k partners).

-- Partners of a type serving a place chain: the type is copied onto each area row, so the lookup reads only the
-- matching areas instead of every partner serving the chain. Triggers keep the copy in step whoever writes
-- (Hibernate's join table inserts only partner_id and place_id; imports; plain SQL).
ALTER TABLE partner_area ADD COLUMN partner_type text;
UPDATE partner_area pa SET partner_type = p.type FROM partner p WHERE p.id = pa.partner_id;
ALTER TABLE partner_area ALTER COLUMN partner_type SET NOT NULL;
CREATE INDEX partner_area_place_type_idx ON partner_area (place_id, partner_type);
DROP INDEX partner_area_place_idx;

CREATE FUNCTION partner_area_copy_type() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT type INTO NEW.partner_type FROM partner WHERE id = NEW.partner_id;
    RETURN NEW;
END $$;
CREATE TRIGGER partner_area_copy_type BEFORE INSERT OR UPDATE OF partner_id ON partner_area
    FOR EACH ROW EXECUTE FUNCTION partner_area_copy_type();

CREATE FUNCTION partner_type_to_areas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE partner_area SET partner_type = NEW.type WHERE partner_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER partner_type_to_areas AFTER UPDATE OF type ON partner
    FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type) EXECUTE FUNCTION partner_type_to_areas();

-- The volunteers of one grid with what the choice reads, so the grid ring is an index-only scan.
CREATE INDEX volunteer_grid_cover_idx ON volunteer (grid_id) INCLUDE (id, skills, on_duty, last_offered_at, code)
    WHERE active;
DROP INDEX volunteer_grid_idx;
