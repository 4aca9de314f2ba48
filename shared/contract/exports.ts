// The desk contract's exports area: lists with a purpose written to .xlsx
// by the process around the renderer, the export log, and the event's
// export settings (issue #5). desk.ts joins it into DeskRequests and
// DeskEvents.
//
// The renderer sends a list's rows as text, already cut to the columns the
// purpose allows (shared/lists/purposes.ts): participant data that a list
// does not need never leaves the page. The host works out the headers
// itself, checks the columns against the purpose again and refuses the
// external list unless the event's settings allow it.
//
// The rows cross as one block of bytes (shared/lists/rowsText.ts in
// UTF-8), not as a JSON value of the message: the desk socket's frame
// encoder visits every value of a message, and 50,000 x 45 cells took it
// seconds each way (bench/exportList.ts); bytes cross as they are, over
// IPC too.

import type { Lang } from '../i18n/problems';
import type { ExportLogEntry } from '../lists/exportLog';
import type { ListPurposeId } from '../lists/purposes';

export type ExportEventRef = { id: string; name: string };

export type WriteListArgs = {
  list: ListPurposeId;
  /** Column ids in file order: the purpose's, or the organizer's choice. */
  columns: string[];
  /** The language of the headers (the cells come translated). */
  lang: Lang;
  /** The rows as text (shared/lists/rowsText.ts), UTF-8. */
  rows: Uint8Array;
  /** People on the list (a person in two classes is one). */
  people: number;
  event: ExportEventRef;
  /** Who exports: the operator signed in, else the desk's id. */
  by: string;
};

export type WrittenExport = {
  /** Where the file went, to show the operator. */
  path: string;
  entry: ExportLogEntry;
};

/** What the organizer decided for one event's lists. */
export type ExportSettings = {
  /** The external participant list may be made (DOMAIN.md). */
  allowExternalList: boolean;
};

export const defaultExportSettings: ExportSettings = {
  allowExternalList: false,
};

export type ExportRequests = {
  /** Writes the list; `export-cancelled` when the save dialog was closed. */
  'exports:write-list': { args: WriteListArgs; result: WrittenExport };
  /** The export log, oldest first; one event's entries when given. */
  'exports:log': { args: { eventId?: string }; result: ExportLogEntry[] };
  'exports:settings': { args: { eventId: string }; result: ExportSettings };
  'exports:set-settings': {
    args: { eventId: string; settings: ExportSettings };
    result: ExportSettings;
  };
};
export type ExportRequestName = keyof ExportRequests;

export type ExportEvents = Record<never, never>;

export const exportRequestNames = [
  'exports:write-list',
  'exports:log',
  'exports:settings',
  'exports:set-settings',
] as const satisfies readonly (keyof ExportRequests)[];

export const exportEventNames =
  [] as const satisfies readonly (keyof ExportEvents)[];
