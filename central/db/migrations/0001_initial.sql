-- Every event-scoped table and index starts with event_id, so the service can
-- later run on a Postgres-wire engine partitioned by event (ARCHITECTURE.md).
-- Organizations, accounts and sessions are the exception: small reference
-- tables that such an engine copies to every node. No global sequences:
-- ids are UUIDv7 made by the service, and the only counter is per event.

CREATE TABLE organizations (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('club', 'krets', 'saerforbund')),
  name text NOT NULL,
  -- club -> krets -> særforbund: an event is visible up this chain.
  parent_id text REFERENCES organizations (id)
);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  -- scrypt$N$r$p$salt$hash, parameters kept so they can be raised later.
  password_hash text NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  expires_at text NOT NULL
);

CREATE TABLE events (
  event_id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  type text NOT NULL,
  date text NOT NULL,
  created_at text NOT NULL
);

-- The pull checkpoint: bumped under this row's lock in every writing
-- transaction, so seqs commit in order and have no gaps.
CREATE TABLE event_seq (
  event_id text PRIMARY KEY REFERENCES events (event_id),
  seq integer NOT NULL DEFAULT 0
);

CREATE TABLE desks (
  event_id text NOT NULL REFERENCES events (event_id),
  desk_id text NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL,
  created_at text NOT NULL,
  revoked_at text NOT NULL DEFAULT '',
  contiguous_seq integer NOT NULL DEFAULT 0,
  highest_seq integer NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, desk_id),
  UNIQUE (event_id, token_hash)
);

CREATE TABLE participants (
  event_id text NOT NULL REFERENCES events (event_id),
  participant_id text NOT NULL,
  -- Registration data, owned by the service (the Participant type).
  doc jsonb NOT NULL,
  status text NOT NULL,
  late_entry boolean NOT NULL DEFAULT false,
  erased boolean NOT NULL DEFAULT false,
  -- State that desk operations move (the ParticipantState type).
  checked_in boolean NOT NULL DEFAULT false,
  checked_in_at text NOT NULL DEFAULT '',
  checked_in_desk text NOT NULL DEFAULT '',
  bib text NOT NULL DEFAULT '',
  bib_source text NOT NULL DEFAULT '',
  chip text NOT NULL DEFAULT '',
  payments jsonb NOT NULL DEFAULT '[]',
  revision integer NOT NULL DEFAULT 0,
  seq integer NOT NULL,
  PRIMARY KEY (event_id, participant_id)
);
CREATE INDEX participants_by_seq ON participants (event_id, seq);
-- Two live participants never hold one bib; a clash becomes a bib_conflicts
-- row before it reaches this index.
CREATE UNIQUE INDEX participants_live_bib ON participants (event_id, bib)
  WHERE bib <> '' AND status = 'active' AND NOT erased;

CREATE TABLE operations (
  event_id text NOT NULL REFERENCES events (event_id),
  operation_id text NOT NULL,
  desk_id text NOT NULL,
  desk_seq integer NOT NULL,
  participant_id text NOT NULL,
  type text NOT NULL,
  created_at text NOT NULL,
  body jsonb NOT NULL,
  result jsonb,
  PRIMARY KEY (event_id, operation_id),
  UNIQUE (event_id, desk_id, desk_seq)
);
CREATE INDEX operations_by_participant
  ON operations (event_id, participant_id, created_at, operation_id);

CREATE TABLE class_ranges (
  event_id text NOT NULL REFERENCES events (event_id),
  class_name text NOT NULL,
  first integer NOT NULL,
  last integer NOT NULL,
  -- The operation that set it; a later one (created_at, id) wins.
  set_at text NOT NULL,
  set_by text NOT NULL,
  seq integer NOT NULL,
  PRIMARY KEY (event_id, class_name)
);
CREATE INDEX class_ranges_by_seq ON class_ranges (event_id, seq);

CREATE TABLE bib_leases (
  event_id text NOT NULL REFERENCES events (event_id),
  lease_id text NOT NULL,
  desk_id text NOT NULL,
  class_name text NOT NULL DEFAULT '',
  first integer NOT NULL,
  last integer NOT NULL,
  created_at text NOT NULL,
  seq integer NOT NULL,
  PRIMARY KEY (event_id, lease_id)
);
CREATE INDEX bib_leases_by_seq ON bib_leases (event_id, seq);

CREATE TABLE bib_conflicts (
  event_id text NOT NULL REFERENCES events (event_id),
  conflict_id text NOT NULL,
  bib text NOT NULL,
  holder_id text NOT NULL,
  claimant_id text NOT NULL,
  operation_id text NOT NULL,
  desk_id text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  created_at text NOT NULL,
  seq integer NOT NULL,
  PRIMARY KEY (event_id, conflict_id)
);
CREATE INDEX bib_conflicts_by_seq ON bib_conflicts (event_id, seq);
