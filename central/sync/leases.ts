// Bib leases: while online, each desk gets a block of bibs of its own (per
// class where the event wants it) and assigns from it offline, next free
// first (ARCHITECTURE.md, "Race numbers across offline desks"). Blocks never
// overlap; bibs in a block that a participant already holds are skipped by
// the desk, and the unique bib index backs it all up.

import { v7 as uuidv7 } from 'uuid';

import { fail, ok, type Result } from '../../shared/contract/result';
import type { BibLease, LeaseRequest } from '../../shared/sync/types';
import type { Db, Queryable } from '../db/db';
import { bumpSeq, lockEvent } from './eventSeq';

type Span = { first: number; last: number };

/** Bibs a lease not bound to a class is drawn from. */
const eventPool: Span = { first: 1, last: 999_999 };

/** The lowest block of count bibs in pool that overlaps no taken span. */
export const firstFreeBlock = (
  pool: Span,
  taken: readonly Span[],
  count: number,
): Span | null => {
  let first = pool.first;
  const sorted = [...taken].sort((a, b) => a.first - b.first);
  for (const span of sorted) {
    if (span.last < first) continue;
    if (span.first > first + count - 1) break;
    first = span.last + 1;
  }
  const last = first + count - 1;
  return last <= pool.last ? { first, last } : null;
};

const poolOf = async (
  tx: Queryable,
  eventId: string,
  className: string,
): Promise<Result<Span>> => {
  if (className === '') return ok(eventPool);
  const rows = await tx.query<Span>(
    'SELECT first, last FROM class_ranges WHERE event_id = $1 AND class_name = $2',
    [eventId, className],
  );
  const range = rows[0];
  return range
    ? ok(range)
    : fail('no-range', `Class ${className} has no bib range`, { className });
};

export const grantLease = (
  db: Db,
  eventId: string,
  request: LeaseRequest,
): Promise<Result<BibLease>> =>
  db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const desks = await tx.query(
      `SELECT 1 FROM desks
        WHERE event_id = $1 AND desk_id = $2 AND revoked_at = ''`,
      [eventId, request.deskId],
    );
    if (desks.length === 0) {
      return fail('unknown-desk', `No active desk ${request.deskId}`, {
        deskId: request.deskId,
      });
    }

    const pool = await poolOf(tx, eventId, request.className);
    if (!pool.ok) return pool;
    const taken = await tx.query<Span>(
      'SELECT first, last FROM bib_leases WHERE event_id = $1',
      [eventId],
    );
    const block = firstFreeBlock(pool.value, taken, request.count);
    if (!block) {
      return fail('range-full', `No ${request.count} free bibs are left`, {
        className: request.className,
        count: request.count,
      });
    }

    const lease: BibLease = {
      id: uuidv7(),
      deskId: request.deskId,
      className: request.className,
      ...block,
      createdAt: new Date().toISOString(),
    };
    await tx.query(
      `INSERT INTO bib_leases (event_id, lease_id, desk_id, class_name, first,
         last, created_at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        eventId,
        lease.id,
        lease.deskId,
        lease.className,
        lease.first,
        lease.last,
        lease.createdAt,
        await bumpSeq(tx, eventId),
      ],
    );
    return ok(lease);
  });
