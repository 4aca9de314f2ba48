// What the export log's file column says of an entry: a print, a PDF or
// an .xlsx file by its name, and for an entry whose event left the desk
// (retention: its file went too, its name was cleared) that it is
// deleted, never an empty cell.

import type { ExportLogEntry } from '../../../shared/lists/exportLog';

export type LogFileLabels = {
  printed: string;
  pdf: string;
  purged: string;
};

export const logFileText = (
  entry: Pick<ExportLogEntry, 'file' | 'via' | 'purgedAt'>,
  labels: LogFileLabels,
): string => {
  if (entry.via === 'print') return labels.printed;
  const file =
    entry.purgedAt !== undefined || entry.file === ''
      ? labels.purged
      : entry.file;
  return entry.via === 'pdf' ? `${labels.pdf}: ${file}` : file;
};
