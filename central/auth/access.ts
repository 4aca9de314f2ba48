// Who is calling, and may they touch this event? Every event route asks
// here first (issue #3, point 2). An organizer sees an event when the
// event's organization is its own or lies below it (club -> krets ->
// særforbund); a desk token is valid for its one event until revoked.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { Queryable } from '../db/db';
import { hashToken, tokenKind } from './tokens';

export type OrganizerCaller = {
  kind: 'organizer';
  accountId: string;
  organizationId: string;
};

export type DeskCaller = { kind: 'desk'; eventId: string; deskId: string };

export type Caller = OrganizerCaller | DeskCaller;

export type CallerKind = Caller['kind'];

const bearer = (header: string | undefined): string | null => {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match?.[1] ?? null;
};

const unauthorized = () =>
  fail('unauthorized', 'Sign in first: no valid token was given');

const forbidden = (eventId: string) =>
  fail('forbidden', `This token may not use event ${eventId}`, { eventId });

// A live session's account: the columns and the FROM ... WHERE both
// organizer statements use ($1 the token's hash, $2 now).
type SessionRow = { account_id: string; organization_id: string };

const sessionColumns = 'a.id AS account_id, a.organization_id';

const fromSession = `FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`;

const sessionArgs = (token: string) => [
  hashToken(token),
  new Date().toISOString(),
];

const organizerFrom = (row: SessionRow): OrganizerCaller => ({
  kind: 'organizer',
  accountId: row.account_id,
  organizationId: row.organization_id,
});

/** The organizer behind a session token, for routes not tied to one event. */
export const organizerOf = async (
  db: Queryable,
  header: string | undefined,
): Promise<Result<OrganizerCaller>> => {
  const token = bearer(header);
  if (!token || tokenKind(token) !== 'organizer') return unauthorized();
  const rows = await db.query<SessionRow>(
    `SELECT ${sessionColumns} ${fromSession}`,
    sessionArgs(token),
  );
  const row = rows[0];
  return row ? ok(organizerFrom(row)) : unauthorized();
};

/**
 * The organizer behind a session token and whether its organization owns
 * the event or sits above its owner, in one statement.
 */
const eventOrganizerOf = async (
  db: Queryable,
  token: string,
  eventId: string,
): Promise<Result<OrganizerCaller>> => {
  const rows = await db.query<SessionRow & { visible: boolean }>(
    `WITH RECURSIVE owners (id, parent_id) AS (
       SELECT o.id, o.parent_id FROM events e
         JOIN organizations o ON o.id = e.organization_id
        WHERE e.event_id = $3
       UNION
       SELECT o.id, o.parent_id FROM organizations o
         JOIN owners ON o.id = owners.parent_id
     )
     SELECT ${sessionColumns},
            EXISTS (SELECT 1 FROM owners WHERE id = a.organization_id)
              AS visible
       ${fromSession}`,
    [...sessionArgs(token), eventId],
  );
  const row = rows[0];
  if (!row) return unauthorized();
  if (!row.visible) return forbidden(eventId);
  return ok(organizerFrom(row));
};

const deskOf = async (
  db: Queryable,
  token: string,
  eventId: string,
): Promise<Result<DeskCaller>> => {
  const rows = await db.query<{ desk_id: string; revoked_at: string }>(
    `SELECT desk_id, revoked_at FROM desks
      WHERE event_id = $1 AND token_hash = $2`,
    [eventId, hashToken(token)],
  );
  const row = rows[0];
  if (!row) return forbidden(eventId);
  if (row.revoked_at !== '') {
    return fail('desk-revoked', 'This desk was revoked by the organizer', {
      eventId,
      deskId: row.desk_id,
    });
  }
  return ok({ kind: 'desk', eventId, deskId: row.desk_id });
};

/** The caller, if its token may use eventId and its kind is allowed. */
export const callerFor = async (
  db: Queryable,
  header: string | undefined,
  eventId: string,
  allowed: readonly CallerKind[],
): Promise<Result<Caller>> => {
  const token = bearer(header);
  const kind = token ? tokenKind(token) : null;
  if (!token || !kind) return unauthorized();
  if (!allowed.includes(kind)) {
    return fail('wrong-caller', `Only a ${allowed.join(' or ')} may do this`);
  }

  if (kind === 'desk') return deskOf(db, token, eventId);
  return eventOrganizerOf(db, token, eventId);
};

/** The desk calling, if its token is a desk token valid for eventId. */
export const deskCallerFor = async (
  db: Queryable,
  header: string | undefined,
  eventId: string,
): Promise<Result<DeskCaller>> => {
  const caller = await callerFor(db, header, eventId, ['desk']);
  if (!caller.ok) return caller;
  return caller.value.kind === 'desk'
    ? ok(caller.value)
    : fail('wrong-caller', 'Only a desk may do this');
};
