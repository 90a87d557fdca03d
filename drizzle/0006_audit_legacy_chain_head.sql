-- The events recorded before per-organization chains existed form one chain in id order. It is kept
-- verbatim (an audit trail is never rewritten) and closed: its head records where it ends, so the
-- verifier can tell a removed last event from the end of history. New events go to their own chains.
INSERT INTO audit_chains (id, region, organization_id, last_seq, last_hash, last_event_id)
SELECT 'legacy', NULL, NULL, (SELECT count(*) FROM audit_events), hash, id
FROM audit_events
ORDER BY id DESC
LIMIT 1;
--> statement-breakpoint
-- A chain head only moves forward, one event at a time, and is never removed.
CREATE OR REPLACE FUNCTION audit_chains_advance_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id AND NEW.region IS NOT DISTINCT FROM OLD.region
       AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
       AND NEW.last_seq = OLD.last_seq + 1 THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_chains heads only advance by one event: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_chains_advance_only BEFORE UPDATE OR DELETE ON audit_chains
  FOR EACH ROW EXECUTE FUNCTION audit_chains_advance_only();
--> statement-breakpoint
CREATE TRIGGER audit_chains_no_truncate BEFORE TRUNCATE ON audit_chains
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chains_advance_only();
