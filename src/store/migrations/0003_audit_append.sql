-- Appending several audit entries in one statement (src/store/audit.ts, group commit): the entries
-- of reads that arrive together are written by one call, in the order given, each entry inserted and
-- the head moved onto it one entry at a time (the head's trigger is unchanged). Nothing is written
-- when the head is not the one the first entry follows (another writer moved it): NULL comes back
-- and the caller reads the head again. The chain's hashes are computed by the caller; an entry
-- whose previous hash is not the hash of the entry before it is refused (and the call with it).
CREATE FUNCTION audit_append(after_seq bigint, after_hash text, entries jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  head record;
  e jsonb;
  last_hash text := after_hash;
BEGIN
  SELECT seq, hash INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
  IF head.seq <> after_seq OR head.hash <> after_hash THEN
    RETURN NULL;
  END IF;
  FOR e IN SELECT value FROM jsonb_array_elements(entries) LOOP
    IF e->>'prev_hash' IS DISTINCT FROM last_hash THEN
      RAISE EXCEPTION 'audit entry % does not follow the one before it', e->>'seq';
    END IF;
    last_hash := e->>'hash';
    INSERT INTO audit_log (seq, at, user_id, username, role, action, target, result, ip, prev_hash, hash)
    VALUES ((e->>'seq')::bigint, (e->>'at')::timestamptz, (e->>'user_id')::integer, e->>'username', e->>'role',
            e->>'action', e->'target', e->>'result', e->>'ip', e->>'prev_hash', e->>'hash');
    UPDATE audit_head SET seq = (e->>'seq')::bigint, hash = e->>'hash' WHERE id = 1;
  END LOOP;
  RETURN (SELECT seq FROM audit_head WHERE id = 1);
END
$$;
