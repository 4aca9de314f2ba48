// Reading and writing an event's roster (roster.ts) as a local document of
// the desk database: same storage, same strict durability, no collection
// of its own (free RxDB allows few).

import type { Participant } from '../../shared/domain/participant';
import type { DeskDatabase } from '../db/database';
import { packRoster, type RosterDoc, rosterKey, unpackRoster } from './roster';

/** Stores the roster of all the event's participants under `stamp`. */
export const writeRoster = async (
  db: DeskDatabase,
  eventId: string,
  stamp: string,
  participants: readonly Participant[],
): Promise<void> => {
  await db.upsertLocal<RosterDoc>(rosterKey(eventId), {
    eventId,
    stamp,
    count: participants.length,
    people: packRoster(participants),
  });
};

/**
 * The roster's participants when it belongs to the event as stored now
 * (its stamp is the event's updatedAt), else null.
 */
export const readRoster = async (
  db: DeskDatabase,
  eventId: string,
  stamp: string,
): Promise<Participant[] | null> => {
  const doc = await db.getLocal<RosterDoc>(rosterKey(eventId));
  if (!doc || doc.get('stamp') !== stamp) return null;
  return unpackRoster(
    {
      eventId: doc.get('eventId'),
      stamp,
      count: doc.get('count'),
      people: doc.get('people'),
    },
    eventId,
  );
};
