// Every participant of the open event as the desk shows them, for a list.
// The DeskStore answers searches and single people, not "everyone"; rather
// than widen that API for one page, the ids come from the desk database
// (the same reads the store opens an event with) and each view from
// store.get, so a list shows exactly what the participant card shows:
// the desk's bib, check-in and media reservations on top.

import { lateEntryParticipantId, viewOf } from '../../../shared/desk/reduce';
import type { ParticipantView } from '../../../shared/desk/state';
import type { Operation } from '../../../shared/domain/operation';
import type { DeskStore } from '../../store/deskStore';
import { readOperations, readParticipants } from '../../store/readDocs';
import type { RxDeskStore } from '../../store/rxDeskStore';

/** The app's store is the RxDB one; a test double may not be. */
export const hasDatabase = (store: DeskStore): store is RxDeskStore =>
  'database' in store;

/** Resolves once the open event's full documents are in memory. */
const detailsLoaded = (store: DeskStore): Promise<void> =>
  new Promise((resolve) => {
    if (store.detailsLoaded()) return resolve();
    const stop = store.subscribe(() => {
      if (!store.detailsLoaded()) return;
      stop();
      resolve();
    });
  });

export const eventViews = async (
  store: RxDeskStore,
  eventId: string,
): Promise<ParticipantView[]> => {
  await detailsLoaded(store);
  const [participants, operations] = await Promise.all([
    readParticipants(store.database, eventId),
    readOperations(store.database, eventId),
  ]);
  const lateIds = operations
    .filter((op) => op.type === 'late-entry')
    .map((op) => lateEntryParticipantId(op.id));

  const opsOf = new Map<string, Operation[]>();
  for (const op of operations) {
    const list = opsOf.get(op.participantId) ?? [];
    list.push(op);
    opsOf.set(op.participantId, list);
  }

  const views: ParticipantView[] = [];
  for (const participant of participants) {
    // A person the store does not hold (written by another window a
    // moment ago) is shown from the database alone.
    views.push(
      store.get(participant.id) ??
        viewOf(participant, opsOf.get(participant.id) ?? []),
    );
  }
  // A connected event holds the server's copy of its late entries among
  // the participants already.
  const listed = new Set(participants.map((p) => p.id));
  for (const id of lateIds) {
    const view = listed.has(id) ? undefined : store.get(id);
    if (view) views.push(view);
  }
  return views;
};
