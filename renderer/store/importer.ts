// Importing an iSonen export into the desk's database.
//
// All or nothing: the participants are written with one bulkWrite, which
// RxDB's Dexie storage runs in one IndexedDB transaction, so either every
// participant document changes or none does. The import log entry follows,
// and the event document is written last, as the marker that the import
// finished. If the desk dies between the participant write and the marker:
// - re-importing into an existing event: the participants already carry the
//   new file's data, so importing the same file again reports them
//   unchanged and then writes the log entry and the event's time stamp;
// - importing as a new event: the participants are stored under an event id
//   no event document names, so no list or search ever shows them; they
//   are unreachable garbage until the event data is cleaned up.
// RxDB reports a revision conflict per document and still writes the rest.
// A conflict needs a writer outside this desk's write queue (another
// window, later replication) to change the same participant between the
// read and the write; the import then answers 'import-conflict' without
// writing its log entry or marker, and running it again is safe, since a
// re-import of the same file converges (unchanged documents are skipped).

import type { BulkWriteRow, RxDocumentData } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { EventSource, RaceEvent } from '../../shared/domain/event';
import type { Participant } from '../../shared/domain/participant';
import { diffParticipants, mergeForUpdate } from '../../shared/isonen/diff';
import { foldSheet } from '../../shared/isonen/fold';
import type { ImportPreview, ImportReport } from '../../shared/isonen/preview';
import type { SheetTable } from '../../shared/isonen/sheet';
import type { DeskDatabase } from '../db/database';
import type { ParticipantDoc } from '../db/schemas';
import type { ImportTarget } from './deskStore';
import { readParticipants } from './readDocs';
import { writeRoster } from './rosterDocs';

/** Registration data stored for the event, late entries excluded. */
export type StoredParticipants = (eventId: string) => Promise<Participant[]>;

export const previewImport = async (
  db: DeskDatabase,
  stored: StoredParticipants,
  table: SheetTable,
  target: ImportTarget,
): Promise<ImportPreview> => {
  const existing =
    'eventId' in target ? await db.events.findOne(target.eventId).exec() : null;
  // An event id the desk does not know is previewed as a new event with that
  // id, named after the file.
  const eventId = 'eventId' in target ? target.eventId : uuidv7();
  const eventName =
    existing?.name ??
    ('newEventName' in target ? target.newEventName : table.fileName);
  const folded = foldSheet(table, { eventId });
  const before = existing ? await stored(eventId) : [];
  return {
    table,
    eventId,
    eventName,
    newEvent: existing === null,
    counts: folded.counts,
    classes: folded.classes,
    problems: folded.problems,
    participants: folded.participants,
    diff: diffParticipants(before, folded.participants),
  };
};

const fileError = (preview: ImportPreview) =>
  preview.problems.find((p) => p.severity === 'error' && p.row === 0);

const checkParticipants = (
  eventId: string,
  participants: readonly Participant[],
): Result<true> => {
  const ids = new Set<string>();
  for (const p of participants) {
    if (p.eventId !== eventId || p.id === '' || ids.has(p.id)) {
      return fail(
        'import-invalid',
        `Participant ${p.id} does not belong in event ${eventId} once`,
        { participantId: p.id, eventId },
      );
    }
    ids.add(p.id);
  }
  return ok(true);
};

const earliestDate = (participants: readonly Participant[]) =>
  participants
    .flatMap((p) => p.entries.map((e) => e.date))
    .filter((date) => date !== '')
    .reduce((min, date) => (min === '' || date < min ? date : min), '');

const keyOf = (p: Participant) => `${p.eventId}|${p.id}`;

const writeRow = (
  participant: Participant,
  previous: RxDocumentData<ParticipantDoc> | undefined,
): BulkWriteRow<ParticipantDoc> => ({
  // _meta and _rev are placeholders: RxDB's storage wrapper stamps both.
  document: {
    ...participant,
    key: keyOf(participant),
    // A connected event's server state stays until the next pull.
    ...(previous?.server ? { server: previous.server } : {}),
    _deleted: false,
    _attachments: {},
    _meta: { lwt: previous?._meta.lwt ?? 1 },
    _rev: previous?._rev ?? '',
  },
  previous,
});

export type CommitResult = {
  report: ImportReport;
  event: RaceEvent;
  /** The participant documents written, for the in-memory model. */
  written: Participant[];
  /** Every participant document of the event once the import is in. */
  participants: Participant[];
};

export type CommitOptions = {
  preview: ImportPreview;
  skipRows: readonly number[];
  source: EventSource;
  now: string;
};

export const commitImport = async (
  db: DeskDatabase,
  options: CommitOptions,
): Promise<Result<CommitResult>> => {
  const { preview, skipRows, source, now } = options;
  const problem = fileError(preview);
  if (problem) {
    return fail(
      'import-invalid',
      `The file cannot be imported: ${problem.code}`,
      {
        problem,
      },
    );
  }
  const existing = await db.events.findOne(preview.eventId).exec();
  if (preview.newEvent && existing) {
    return fail('import-stale', 'The event was created after the preview', {
      eventId: preview.eventId,
    });
  }

  const skip = new Set(skipRows);
  const incoming =
    skip.size === 0
      ? preview.participants
      : foldSheet(preview.table, { eventId: preview.eventId, skipRows: skip })
          .participants;
  const valid = checkParticipants(preview.eventId, incoming);
  if (!valid.ok) return valid;

  const stored = existing ? await readParticipants(db, preview.eventId) : [];
  const diff = diffParticipants(stored, incoming);
  const written = mergeForUpdate(stored, incoming, now);

  // Updates must name the stored revision they replace; fetch just those
  // documents by key rather than the whole event again.
  const storedIds = new Set(stored.map((p) => p.id));
  const previousDocs = await db.participants.storageInstance.findDocumentsById(
    written.filter((p) => storedIds.has(p.id)).map(keyOf),
    false,
  );
  const previousById = new Map(previousDocs.map((doc) => [doc.id, doc]));
  const rows = written.map((p) => writeRow(p, previousById.get(p.id)));
  // The roster goes first, stamped with this import's time: until the
  // event document carries the same time it is not used (roster.ts).
  const after = new Map(stored.map((p) => [p.id, p]));
  for (const p of written) after.set(p.id, p);
  const participants = [...after.values()];
  await writeRoster(db, preview.eventId, now, participants);
  if (rows.length > 0) {
    const result = await db.participants.storageInstance.bulkWrite(
      rows,
      'desk-import',
    );
    if (result.error.length > 0) {
      return fail('import-conflict', 'Participants changed during import', {
        conflicts: result.error.length,
      });
    }
  }

  const errorRows = preview.problems
    .filter((p) => p.severity === 'error' && p.row > 0)
    .map((p) => p.row);
  const report: ImportReport = {
    eventId: preview.eventId,
    fileName: preview.table.fileName,
    importedAt: now,
    added: diff.added.length,
    changed: diff.changed.length,
    deregistered: diff.deregistered.length,
    unchanged: diff.unchanged.length,
    missing: diff.missing.length,
    skippedRows: [...new Set([...skip, ...errorRows])].sort((a, b) => a - b),
  };
  await db.imports.insert({ ...report, id: uuidv7() });

  const event: RaceEvent = existing
    ? { ...existing.toMutableJSON(), updatedAt: now }
    : {
        id: preview.eventId,
        name: preview.eventName,
        type: 'event',
        date: earliestDate(incoming),
        organizer: '',
        source,
        createdAt: now,
        updatedAt: now,
      };
  await db.events.upsert(event);
  return ok({ report, event, written, participants });
};
