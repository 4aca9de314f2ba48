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

/**
 * What a print writes in the export log, and what Electron's print to
 * PDF makes: the same list as a file, but its rows stay in the page (the
 * print view); the host checks the columns against the purpose and the
 * permission, as for a file.
 */
export type PrintListArgs = {
  list: ListPurposeId;
  columns: string[];
  /** People on the list, and rows printed (a person in two classes is one person, two rows). */
  people: number;
  rows: number;
  event: ExportEventRef;
  by: string;
};

/** Who decides about the external list (DOMAIN.md: the organizer). */
export type SettingsSource =
  /** A local-only event: an operator records the organizer's decision here. */
  | 'desk'
  /** Connected to a central service: the organizer sets it there. */
  | 'central';

/** What the organizer decided for one event's lists. */
export type ExportSettings = {
  /** The external participant list may be made (DOMAIN.md). */
  allowExternalList: boolean;
  source: SettingsSource;
  /** Who changed it last ('' for never): the operator, or 'central'. */
  changedBy: string;
  /** ISO time of the last change; '' for never. */
  changedAt: string;
};

export const defaultExportSettings: ExportSettings = {
  allowExternalList: false,
  source: 'desk',
  changedBy: '',
  changedAt: '',
};

export type SetExportSettingsArgs = {
  eventId: string;
  allowExternalList: boolean;
  /** The operator signed in, recorded with the change. */
  by: string;
};

export type CentralExportSettingsArgs = {
  eventId: string;
  /**
   * What the central event says; false while the desk has not heard; null
   * once the event is disconnected: the desk decides again (not allowed
   * until an operator allows it), so exports:set-settings is not refused.
   */
  allowExternalList: boolean | null;
};

export type ExportRequests = {
  /** Writes the list; `export-cancelled` when the save dialog was closed. */
  'exports:write-list': { args: WriteListArgs; result: WrittenExport };
  /** Logs a list about to be printed (the print dialog, the browser's PDF). */
  'exports:log-print': { args: PrintListArgs; result: ExportLogEntry };
  /**
   * Electron: prints the page's print view to a PDF in the exports folder,
   * logged; `print-pdf-unavailable` in the web host.
   */
  'exports:print-pdf': { args: PrintListArgs; result: WrittenExport };
  /** The export log, oldest first; one event's entries when given. */
  'exports:log': { args: { eventId?: string }; result: ExportLogEntry[] };
  'exports:settings': { args: { eventId: string }; result: ExportSettings };
  /**
   * A local-only event's permission, changed by a signed-in operator (the
   * page asks them to confirm first); refused for an event whose setting comes from central.
   */
  'exports:set-settings': {
    args: SetExportSettingsArgs;
    result: ExportSettings;
  };
  /** The central event's permission, as the desk last read it. */
  'exports:central-settings': {
    args: CentralExportSettingsArgs;
    result: ExportSettings;
  };
};
export type ExportRequestName = keyof ExportRequests;

export type ExportEvents = Record<never, never>;

export const exportRequestNames = [
  'exports:write-list',
  'exports:log-print',
  'exports:print-pdf',
  'exports:log',
  'exports:settings',
  'exports:set-settings',
  'exports:central-settings',
] as const satisfies readonly (keyof ExportRequests)[];

export const exportEventNames =
  [] as const satisfies readonly (keyof ExportEvents)[];

/** The host's limits; the client waits a little longer. */
export const exportRequestLimitsMs = {
  // Writing 50,000 rows takes 1-3 s; a slow laptop on battery gets margin.
  'exports:write-list': 120_000,
  'exports:log-print': 10_000,
  // Chromium lays out every row of the print view first.
  'exports:print-pdf': 120_000,
  'exports:log': 10_000,
  'exports:settings': 5_000,
  'exports:set-settings': 5_000,
  'exports:central-settings': 5_000,
} satisfies Record<ExportRequestName, number>;
