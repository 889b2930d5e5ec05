-- Optimistic reserving batches (lib/policy/reserve-optimistic.ts) end their
-- one statement with this check: when the ledgers no longer allow what was
-- decided on them, the whole statement is undone, as a serialization
-- failure, and the batch goes through the locked path instead.
CREATE FUNCTION finops_conflict_unless(ok boolean) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'budget ledgers changed since the reserving batch read them'
      USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN true;
END;
$$;
