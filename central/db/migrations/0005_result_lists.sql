-- The latest computed result list of each event (issue #4, results handed
-- on to the central service). A desk or the organizer posts the whole list;
-- the newest post replaces the one before. The body is kept as the JSON
-- text that was checked, so it reads back byte for byte.
CREATE TABLE result_lists (
  event_id text PRIMARY KEY REFERENCES events (event_id),
  body text NOT NULL,
  starts integer NOT NULL,
  closed boolean NOT NULL,
  posted_by text NOT NULL,
  posted_at text NOT NULL
);
