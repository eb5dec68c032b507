-- Whether reports of a need may be one incident that many residents report (a broken lift, a burst main), or are
-- each a household's own need that every resident who has it must get (gas delivery, home care). Only marked needs
-- are compared by incident detection; the reference data's catalog entries set it (incidents: true).
ALTER TABLE catalog_entry ADD COLUMN incidents boolean NOT NULL DEFAULT false;
