// The export log: one entry for each list that left the desk or the CLI,
// so the organizer can see who took which people's data, and which fields,
// when. It holds no personal data of the participants themselves: only
// counts and column ids. Stored as JSON lines (one entry a line), so an
// entry is appended without reading or rewriting the log.

import { fail, ok, type Result } from '../contract/result';
import type { ListContent } from './rows';

export type ExportLogEntry = {
  /** ISO time of the export. */
  at: string;
  /** Who made it: the desk operator, or the user running the CLI. */
  by: string;
  /** The event's id; '' for a list the CLI made from a file. */
  event: string;
  /** The list's purpose id (participant-list, media-list, …). */
  list: string;
  /** Column ids, in the file's order. */
  fields: string[];
  people: number;
  rows: number;
  /**
   * The file: its bare name when it is in the desk's exports folder (or
   * next to the CLI's log), its full path when the save dialog put it
   * elsewhere, so the purge can find it; '' for a print.
   */
  file: string;
  /** How it left: absent for an .xlsx file, 'print' or 'pdf'. */
  via?: ExportVia;
  /** When the event's data left the desk (retention); its file went too. */
  purgedAt?: string;
};

export type ExportVia = 'print' | 'pdf';

const isVia = (value: unknown): value is ExportVia =>
  value === 'print' || value === 'pdf';

export const exportLogEntry = (
  content: Pick<ListContent, 'columnIds' | 'people' | 'rows'>,
  details: {
    at: string;
    by: string;
    list: string;
    file: string;
    event?: string;
    via?: ExportVia;
  },
): ExportLogEntry => ({
  at: details.at,
  by: details.by,
  event: details.event ?? '',
  list: details.list,
  fields: [...content.columnIds],
  people: content.people,
  rows: content.rows,
  file: details.file,
  ...(details.via === undefined ? {} : { via: details.via }),
});

export const exportLogLine = (entry: ExportLogEntry): string =>
  `${JSON.stringify(entry)}\n`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textKeys = ['at', 'by', 'list', 'file'] as const;
const countKeys = ['people', 'rows'] as const;

const entryOf = (value: unknown): ExportLogEntry | string => {
  if (!isRecord(value)) return 'not an object';
  for (const key of textKeys) {
    if (typeof value[key] !== 'string') return `"${key}" is not text`;
  }
  for (const key of countKeys) {
    if (!Number.isInteger(value[key])) return `"${key}" is not a count`;
  }
  const fields = value.fields;
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) {
    return '"fields" is not a list of column ids';
  }
  // Lines written before entries named their event have none.
  const event = value.event ?? '';
  if (typeof event !== 'string') return '"event" is not text';
  const purgedAt = value.purgedAt;
  if (purgedAt !== undefined && typeof purgedAt !== 'string') {
    return '"purgedAt" is not text';
  }
  const via = value.via;
  if (via !== undefined && !isVia(via)) return '"via" is not print or pdf';
  return {
    at: String(value.at),
    by: String(value.by),
    event,
    list: String(value.list),
    fields: fields.map(String),
    people: Number(value.people),
    rows: Number(value.rows),
    file: String(value.file),
    ...(via === undefined ? {} : { via }),
    ...(purgedAt === undefined ? {} : { purgedAt }),
  };
};

/** Reads a log's text; a bad line is an error naming its line number. */
export const parseExportLog = (text: string): Result<ExportLogEntry[]> => {
  const entries: ExportLogEntry[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const entry = value === undefined ? 'not JSON' : entryOf(value);
    if (typeof entry === 'string') {
      return fail('bad-export-log', `Export log line ${index + 1}: ${entry}`, {
        line: index + 1,
      });
    }
    entries.push(entry);
  }
  return ok(entries);
};
