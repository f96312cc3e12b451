-- The detail of each problem of an upload as a message of the catalogue (src/i18n/errors/): its key
-- and parameters, so that every reader sees it in the language asked for. `message` keeps the
-- English text; rows stored before these columns have no key and are shown with that text.
ALTER TABLE import_issues ADD COLUMN message_key text;
ALTER TABLE import_issues ADD COLUMN message_params jsonb;
