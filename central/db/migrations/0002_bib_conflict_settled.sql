-- A bib conflict is settled when a holder's or claimant's bib changes or
-- one of them leaves the start list (central/sync/conflicts.ts). '' while
-- open, the ISO time once settled.
ALTER TABLE bib_conflicts ADD COLUMN settled_at text NOT NULL DEFAULT '';
-- Every bib change asks for the open conflicts of its participant; they
-- are few, so this index stays small.
CREATE INDEX bib_conflicts_open ON bib_conflicts (event_id)
  WHERE status = 'open';
