-- Chips paired at check-in (issue #4): a rental chip is collected back
-- after the race. Two live participants never hold one chip: the push
-- refuses a taken chip as 'chip-taken' under the event lock. No unique
-- index backs it, because imported files may carry a chip twice and an
-- import must not fail on that; this index serves the holder look-up.
ALTER TABLE participants ADD COLUMN chip_rental boolean NOT NULL DEFAULT false;
CREATE INDEX participants_by_chip ON participants (event_id, chip)
  WHERE chip <> '';

-- Passings are operations; the same passing sent again (another desk, or
-- a device journal replayed after a crash) is found by its natural key.
CREATE INDEX operations_passing_key
  ON operations (event_id, (body -> 'payload' ->> 'key'))
  WHERE type = 'passing';
