-- Issue 20, item 4: evidence that opens. A file a contact brought only as a URL at the channel's provider (a
-- voicemail recording, an MMS picture at Twilio) is fetched by the hub with its credentials and stored in data, so
-- staff and the partner holding the work can open it through the hub's authorised downloads. fetch_after is set when
-- such a row is written (in the intake's transaction) and cleared once the file is stored, or when it is not the
-- provider's to fetch; while it is set it is the time of the next try (a claimed row's lease). fetch_attempts and
-- fetch_error say how the tries went; a row that gave up keeps its error and no fetch_after.
ALTER TABLE attachment
    ADD COLUMN fetch_after    TIMESTAMPTZ,
    ADD COLUMN fetch_attempts INT NOT NULL DEFAULT 0,
    ADD COLUMN fetch_error    TEXT;
CREATE INDEX attachment_fetch_due_idx ON attachment (fetch_after, id) WHERE fetch_after IS NOT NULL;

-- Files received before: fetched like new ones (the job skips those that are not the provider's).
UPDATE attachment SET fetch_after = now() WHERE data IS NULL AND url IS NOT NULL;
