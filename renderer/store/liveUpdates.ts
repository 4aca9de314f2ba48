// Keeps the open event in memory current with writes the desk did not make
// through its own queue: another window now, replication later. Applying
// is idempotent (operations by id, participants by revision), so the
// desk's own writes coming back through the stream change nothing.

import type { Participant } from '../../shared/domain/participant';
import type { DeskDatabase } from '../db/database';
import {
  applyOperation,
  type EventModel,
  upsertParticipants,
} from './eventModel';
import { eventOfDoc, operationOfDoc, participantOfDoc } from './readDocs';

export const followChanges = (
  db: DeskDatabase,
  openModel: () => EventModel | null,
  changed: () => void,
): (() => void) => {
  const subscriptions = [
    db.operations.eventBulks$.subscribe((bulk) => {
      const model = openModel();
      if (!model) return;
      let any = false;
      for (const event of bulk.events) {
        if (event.operation !== 'INSERT') continue;
        any = applyOperation(model, operationOfDoc(event.documentData)) || any;
      }
      if (any) changed();
    }),
    db.participants.eventBulks$.subscribe((bulk) => {
      const model = openModel();
      if (!model) return;
      const incoming: Participant[] = bulk.events
        .filter(
          (event) =>
            event.operation !== 'DELETE' &&
            event.documentData.eventId === model.event.id,
        )
        .map((event) => participantOfDoc(event.documentData));
      if (upsertParticipants(model, incoming) > 0) changed();
    }),
    db.events.eventBulks$.subscribe((bulk) => {
      const model = openModel();
      for (const event of bulk.events) {
        if (model && event.documentData.id === model.event.id) {
          model.event = eventOfDoc(event.documentData);
        }
      }
      changed();
    }),
  ];
  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
};
