// The desk contract's results area (result lists handed on: files, the display
// board, the printer; issue #4). desk.ts joins it into DeskRequests and DeskEvents.
//
// The renderer computes results (shared/results) from what it stores and
// sends the computed list; the host writes the file. People's identities
// go beside the list only as far as the IOF list needs them.

import type { ResultIdentity } from '../formats/resultList';
import type { Lang } from '../i18n/problems';
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
};

export type WrittenResults = { path: string; rows: number };

export type ResultRequests = {
  'results:write': { args: WriteResultsArgs; result: WrittenResults };
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
  'results:display': 10_000,
  // A printer line takes 30 ms at 9600 baud; a class of 300 about 10 s.
  'results:print': 60_000,
} as const satisfies Record<ResultRequestName, number>;
