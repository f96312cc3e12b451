-- The answers a server process keeps in memory (src/store/memo.ts: an act's head version, the current
-- registry) come from these tables. Every statement that changes one of them notifies the channel
-- `amnestia_memo` (payload: the schema), delivered to the listening processes when the writing
-- transaction commits and not at all when it rolls back; they then forget what they keep. Whoever
-- writes — another server process, a command, psql — is seen.
CREATE FUNCTION memo_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('amnestia_memo', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;
CREATE TRIGGER acts_memo_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON acts FOR EACH STATEMENT EXECUTE FUNCTION memo_notify();
CREATE TRIGGER act_versions_memo_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON act_versions FOR EACH STATEMENT EXECUTE FUNCTION memo_notify();
CREATE TRIGGER registries_memo_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON registries FOR EACH STATEMENT EXECUTE FUNCTION memo_notify();
CREATE TRIGGER settings_memo_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION memo_notify();
