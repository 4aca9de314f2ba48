// The desk contract's results area (result lists handed on: files, the display
// board, the printer; issue #4). desk.ts joins it into DeskRequests and DeskEvents.
//
// The renderer computes results (shared/results) from what it stores and
// sends the computed list; the host writes the file. People's identities
// go beside the list only as far as the IOF list needs them.

import type { ResultIdentity } from '../formats/resultList';
import type { TimingListFormat } from '../formats/timingLists';
import type { Lang } from '../i18n/problems';
import type { ExportLogEntry } from '../lists/exportLog';
import type { ClassResult, PersonResult, ResultList } from '../results/types';

export const resultFileFormats = ['iof-resultlist', 'xlsx'] as const;
export type ResultFileFormat = (typeof resultFileFormats)[number];

export type ResultEventRef = {
  id: string;
  name: string;
  /** yyyy-mm-dd of the race day, or '' (then IOF times carry no date). */
  date: string;
};

export type WriteResultsArgs = {
  format: ResultFileFormat;
  /** A file name without folders; the host writes it into exports/. */
  fileName: string;
  event: ResultEventRef;
  lang: Lang;
  list: ResultList;
  /** By participant id, for the IOF list; {} names people by name only. */
  identities: Record<string, ResultIdentity>;
  /** Who writes it, for the export log: the operator signed in, else the desk. */
  by: string;
};

/** Where the file went, and its export-log entry (retention purges by it). */
export type WrittenResults = {
  path: string;
  rows: number;
  entry: ExportLogEntry;
};

/**
 * A start or entry list for timing software, from the desk's state (late
 * entries in, deregistered out, bibs and chips as set at the desk). The
 * renderer builds the file's text with shared/formats/timingLists.ts, so
 * only what the format holds leaves the page; the host writes it into
 * exports/ and logs it.
 */
export type WriteStartListArgs = {
  format: TimingListFormat;
  event: ResultEventRef;
  /** The file's text as UTF-8. */
  text: Uint8Array;
  /** People on the list (a person in two classes is one). */
  people: number;
  /** Starts (CSV lines, PersonStart or PersonEntry elements). */
  rows: number;
  /** Who writes it, for the export log. */
  by: string;
};

export type WrittenStartList = { path: string; entry: ExportLogEntry };

/**
 * What each file holds, as the export log names it (ExportLogEntry.fields):
 * the formats' fixed contents, so the log says which personal fields left.
 */
export const handedOverFields = {
  'iof-startlist': [
    'registrationId',
    'personId',
    'lastName',
    'firstName',
    'birthDate',
    'gender',
    'country',
    'club',
    'clubId',
    'bib',
    'startTime',
    'chip',
    'class',
  ],
  'iof-entrylist': [
    'registrationId',
    'personId',
    'lastName',
    'firstName',
    'birthDate',
    'gender',
    'country',
    'club',
    'clubId',
    'chip',
    'class',
  ],
  'csv-startlist': [
    'bib',
    'chip',
    'personId',
    'lastName',
    'firstName',
    'birthYear',
    'gender',
    'startTime',
    'clubId',
    'club',
    'country',
    'class',
    'registrationId',
  ],
  'iof-resultlist': [
    'registrationId',
    'personId',
    'lastName',
    'firstName',
    'birthDate',
    'gender',
    'country',
    'club',
    'clubId',
    'bib',
    'class',
    'place',
    'startTime',
    'finishTime',
    'time',
    'status',
    'chip',
    'splits',
  ],
  xlsx: [
    'class',
    'place',
    'bib',
    'name',
    'club',
    'time',
    'behind',
    'status',
    'startTime',
    'finishTime',
    'chip',
    'note',
    'splits',
  ],
} as const satisfies Record<TimingListFormat | ResultFileFormat, string[]>;

/** The list names the export log gives these files. */
export const handedOverListIds = {
  'iof-startlist': 'iof-startlist',
  'iof-entrylist': 'iof-entrylist',
  'csv-startlist': 'csv-startlist',
  'iof-resultlist': 'iof-resultlist',
  xlsx: 'results-xlsx',
} as const satisfies Record<TimingListFormat | ResultFileFormat, string>;

export type ResultRequests = {
  'results:write': { args: WriteResultsArgs; result: WrittenResults };
  /** A start list, entry list or CSV start list into exports/, logged. */
  'results:write-start-list': {
    args: WriteStartListArgs;
    result: WrittenStartList;
  };
  /**
   * The latest finishers (shared/results/devices.ts latestFinishers) to an
   * ALGE display board on the named device. The devices area owns the
   * serial line; the host needs a sender from it (ResultHandlerOptions).
   */
  'results:display': {
    args: { device: string; finishers: PersonResult[] };
    result: { lines: number };
  };
  /** One class's results to the Timy's printer on the named device. */
  'results:print': {
    args: { device: string; classResult: ClassResult };
    result: { lines: number };
  };
};
export type ResultRequestName = keyof ResultRequests;

export type ResultEvents = Record<never, never>;

export const resultRequestNames = [
  'results:write',
  'results:write-start-list',
  'results:display',
  'results:print',
] as const satisfies readonly (keyof ResultRequests)[];

export const resultEventNames =
  [] as const satisfies readonly (keyof ResultEvents)[];

/**
 * How long the host may take per request; the web host's client waits a
 * few seconds longer, so the host's own answer arrives first.
 */
export const resultRequestLimitsMs = {
  // 50,000 results write in about a second; a slow laptop gets margin.
  'results:write': 120_000,
  'results:write-start-list': 60_000,
  'results:display': 10_000,
  // A printer line takes 30 ms at 9600 baud; a class of 300 about 10 s.
  'results:print': 60_000,
} as const satisfies Record<ResultRequestName, number>;
