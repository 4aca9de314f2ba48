// The export log on disk: a JSON-lines file in a data folder (the CLI puts
// it next to the list it wrote). Appending never rewrites earlier entries.

import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fail, ok, type Result } from '../../shared/contract/result';
import {
  type ExportLogEntry,
  exportLogLine,
  parseExportLog,
} from '../../shared/lists/exportLog';

export const exportLogFileName = 'racedesk-export-log.jsonl';

/** The log file in a data folder. */
export const exportLogPath = (folder: string): string =>
  join(folder, exportLogFileName);

export const appendExportLog = async (
  path: string,
  entry: ExportLogEntry,
): Promise<Result<ExportLogEntry>> => {
  try {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, exportLogLine(entry), 'utf8');
    return ok(entry);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('export-log-unwritable', `Export log ${path}: ${message}`);
  }
};

/** The log's entries, oldest first; no file yet is an empty log. */
export const readExportLog = async (
  path: string,
): Promise<Result<ExportLogEntry[]>> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return ok([]);
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail('export-log-unreadable', `Export log ${path}: ${message}`);
  }
  return parseExportLog(text);
};
