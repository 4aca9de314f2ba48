// The purge as the desk runs it: the event's documents first (refused
// while operations are unsynced unless told twice), then the files the
// process around the page made for it. The captures and the passing
// journal go only when no other event is left on the desk: they hold all
// events' passings together.

import type { DeskApi } from '../../../shared/contract/desk';
import { ok, type Result } from '../../../shared/contract/result';
import type { PurgedFiles } from '../../../shared/contract/retention';
import type { RaceEvent } from '../../../shared/domain/event';
import type { DeskStore } from '../../store/deskStore';
import type {
  PurgeConfirmation,
  PurgedDocuments,
} from '../../store/purgeEvent';

export type PurgeReport = {
  eventName: string;
  documents: PurgedDocuments;
  /** Null when the files could not be deleted: then filesError says why. */
  files: PurgedFiles | null;
  filesError: string | null;
};

export const runPurge = async (
  store: DeskStore,
  api: DeskApi,
  event: Pick<RaceEvent, 'id' | 'name'>,
  confirm: PurgeConfirmation,
): Promise<Result<PurgeReport>> => {
  // Unsynced operations are counted from the database, open or not.
  const documents = await store.purgeEvent(event.id, confirm);
  if (!documents.ok) return documents;
  const others = await store.listEvents();
  const files = await api.invoke('retention:purge-files', {
    eventId: event.id,
    deviceData: others.length === 0,
  });
  return ok({
    eventName: event.name,
    documents: documents.value,
    files: files.ok ? files.value : null,
    filesError: files.ok ? null : files.error.message,
  });
};
