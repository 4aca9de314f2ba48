// What an import would do, shown before anything is stored, and what it did.

import type { Participant } from '../domain/participant';
import type { SheetTable } from './sheet';

export type ProblemCode =
  | 'not-an-isonen-export'
  | 'missing-column'
  | 'missing-name'
  | 'impossible-birth-date'
  | 'unknown-gender'
  | 'duplicate-entry'
  | 'unknown-status'
  | 'bad-number'
  | 'bad-date'
  /** A yes/no or consent cell with some other text; read as not given. */
  | 'bad-value';

export type ImportProblem = {
  code: ProblemCode;
  /** error: the row cannot be imported as it is; warning: it can. */
  severity: 'error' | 'warning';
  /** Spreadsheet row as Excel shows it; 0 for the file as a whole. */
  row: number;
  /** Column letter (A, B, … AQ), or '' for a whole row or file. */
  column: string;
  /** The header of the column, or ''. */
  field: string;
  /** The offending cell text, or ''. */
  value: string;
  /** Parameters for the translated message. */
  params: Record<string, string | number>;
};

export type ClassCount = { name: string; participants: number };

export type ImportCounts = {
  rows: number;
  /** Every person in the file, deregistered ones included. */
  participants: number;
  /** Person and exercise pairs. */
  entries: number;
  deregistered: number;
  /** Rows that only carry extra payment lines for the entry above. */
  paymentRows: number;
};

export type ImportDiff = {
  added: string[];
  changed: string[];
  /** Active before, deregistered now. */
  deregistered: string[];
  unchanged: string[];
  /** Stored, but no longer in the file: kept, and reported. */
  missing: string[];
};

export type ImportPreview = {
  table: SheetTable;
  eventId: string;
  eventName: string;
  newEvent: boolean;
  counts: ImportCounts;
  classes: ClassCount[];
  problems: ImportProblem[];
  /** Participants as they would be stored (rows with errors left out). */
  participants: Participant[];
  diff: ImportDiff;
};

export type ImportReport = {
  eventId: string;
  fileName: string;
  importedAt: string;
  added: number;
  changed: number;
  deregistered: number;
  unchanged: number;
  missing: number;
  skippedRows: number[];
};
