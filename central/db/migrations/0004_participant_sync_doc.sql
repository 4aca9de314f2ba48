-- Each participant's pulled document kept ready as JSON text (issue #3:
-- a 500-document pull page spent most of its time turning jsonb into
-- text and back). A trigger writes it in the same statement, so in the
-- same transaction, as every change of the row, whichever code made it.
-- It must build what participantDocument (sync/participantRow.ts) builds;
-- sync/participantRow.test.ts compares the two. A change of the document
-- shape replaces this function in a new migration and rewrites the rows.

ALTER TABLE participants ADD COLUMN sync_doc text NOT NULL DEFAULT '';

CREATE FUNCTION participants_sync_doc() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.erased THEN
    NEW.sync_doc := json_build_object(
      'kind', 'participant-erased',
      'seq', NEW.seq,
      'participantId', NEW.participant_id
    )::text;
  ELSE
    NEW.sync_doc := json_build_object(
      'kind', 'participant',
      'seq', NEW.seq,
      'participant', NEW.doc || jsonb_build_object('revision', NEW.revision),
      'state', json_build_object(
        'checkedIn', NEW.checked_in,
        'checkedInAt', NEW.checked_in_at,
        'checkedInDesk', NEW.checked_in_desk,
        'bib', NEW.bib,
        'bibSource', NEW.bib_source,
        'chip', NEW.chip,
        'chipRental', NEW.chip_rental,
        'payments', NEW.payments
      ),
      'lateEntry', NEW.late_entry
    )::text;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER participants_sync_doc
  BEFORE INSERT OR UPDATE ON participants
  FOR EACH ROW EXECUTE FUNCTION participants_sync_doc();

-- Rows written before this migration get their text now.
UPDATE participants SET sync_doc = '';
