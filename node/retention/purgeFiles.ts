// The files the desk made for an event, deleted when its data leaves the
// desk (shared/contract/retention.ts): the lists it exported (.xlsx), printed
// to PDF and wrote from the results page (IOF .xml, .csv start lists), found
// through the export log, whose entries stay but are marked purged; the
// event's export settings, whose history names the operators who changed
// them; and, when no other event is on the desk, the raw captures and the
// passing journal, which hold all events' passings.
//
// A purged entry keeps who, when, which list, which fields and how many
// people, but not its file name: the name carries the event's name (and a
// path chosen in the save dialog may carry more), and after the purge
// nothing on the desk may name the event.
//
// The log names a list in the data folder's exports/ by its bare name and
// one the save dialog put elsewhere by its full path. Only what the log
// names is deleted: a bare name only inside exports/, a full path only
// when it is a regular file (no folder, no link) ending .xlsx, .pdf, .xml
// or .csv.
// A print to paper has no file.

import {
  lstat,
  open,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { PurgedFiles } from '../../shared/contract/retention';
import { exportLogLine } from '../../shared/lists/exportLog';
import { exportLogPath, readExportLog } from '../lists/exportLog';
import {
  exportSettingsPath,
  forgetExportSettings,
} from '../lists/exportSettings';

export type PurgeFilesOptions = {
  dataDir: string;
  eventId: string;
  deviceData: boolean;
  at: Date;
};

const isMissing = (error: unknown) =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

type ExportsPurged = Pick<
  PurgedFiles,
  'exports' | 'notFound' | 'logEntries' | 'refused'
>;

// .xml and .csv: the IOF result, start and entry lists and the CSV start
// list the results page writes (main/handlers/resultHandlers.ts).
const listFile = /\.(xlsx|pdf|xml|csv)$/i;

type FileOutcome = 'deleted' | 'notFound' | 'refused';

/** Deletes one logged file, if it is what the log says it is. */
const deleteLogged = async (
  exportsDir: string,
  file: string,
): Promise<{ name: string; outcome: FileOutcome }> => {
  // A bare name is in exports/; a name with a folder that is not a full
  // path is no list the desk wrote.
  const inExports = !isAbsolute(file);
  const path = inExports ? join(exportsDir, basename(file)) : file;
  const name = inExports ? basename(file) : file;
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch (error) {
    if (isMissing(error)) return { name, outcome: 'notFound' };
    throw error;
  }
  if (!info.isFile() || !listFile.test(path)) {
    return { name, outcome: 'refused' };
  }
  await rm(path);
  return { name, outcome: 'deleted' };
};

/**
 * Deletes the event's lists, marks its log entries purged and forgets its
 * export settings (exportSettings.ts, in the same folder).
 */
export const purgeExports = async (
  exportsDir: string,
  eventId: string,
  at: Date,
): Promise<Result<ExportsPurged>> => {
  const logPath = exportLogPath(exportsDir);
  const log = await readExportLog(logPath);
  if (!log.ok) return log;
  const found: Record<FileOutcome, string[]> = {
    deleted: [],
    notFound: [],
    refused: [],
  };
  let marked = 0;
  // Entries purged before file names were redacted still name theirs.
  let named = 0;
  for (const entry of log.value) {
    if (entry.event !== eventId) continue;
    if (entry.purgedAt !== undefined) {
      if (entry.file !== '') named += 1;
      continue;
    }
    marked += 1;
    // A print to paper left no file.
    if (entry.file === '') continue;
    try {
      const { name, outcome } = await deleteLogged(exportsDir, entry.file);
      found[outcome].push(name);
    } catch (error) {
      return fail(
        'purge-failed',
        `Could not delete the list ${entry.file}: ${messageOf(error)}`,
        { file: entry.file },
      );
    }
  }
  if (marked + named > 0) {
    const purgedAt = at.toISOString();
    const text = log.value
      .map((entry) =>
        exportLogLine(
          entry.event === eventId
            ? { ...entry, file: '', purgedAt: entry.purgedAt ?? purgedAt }
            : entry,
        ),
      )
      .join('');
    // Written beside and renamed over, so a crash leaves one whole log.
    const temporary = `${logPath}.purge`;
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, logPath);
  }
  const forgot = await forgetExportSettings(
    exportSettingsPath(exportsDir),
    eventId,
  );
  if (!forgot.ok) return forgot;
  return ok({
    exports: found.deleted,
    notFound: found.notFound,
    logEntries: marked,
    ...(found.refused.length > 0 ? { refused: found.refused } : {}),
  });
};

const countFiles = async (dir: string): Promise<number> => {
  try {
    const entries = await readdir(dir, {
      withFileTypes: true,
      recursive: true,
    });
    return entries.filter((entry) => entry.isFile()).length;
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
};

const passingLines = (text: string) =>
  text.split('\n').filter((line) => line.includes('"type":"passing"')).length;

/**
 * Empties the passing journal in place: the device service keeps it open
 * for appending, and new passings go on at its (new) end.
 */
const emptyJournal = async (path: string): Promise<number> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return passingLines(text);
};

export const journalFileName = 'passings.jsonl';

export const purgeEventFiles = async (
  options: PurgeFilesOptions,
): Promise<Result<PurgedFiles>> => {
  const { dataDir, eventId, deviceData, at } = options;
  const exported = await purgeExports(join(dataDir, 'exports'), eventId, at);
  if (!exported.ok) return exported;
  if (!deviceData) {
    return ok({
      ...exported.value,
      captures: 0,
      journalPassings: 0,
      deviceDataKept: true,
    });
  }
  try {
    const capturesDir = join(dataDir, 'captures');
    const captures = await countFiles(capturesDir);
    await rm(capturesDir, { recursive: true, force: true });
    const journalPassings = await emptyJournal(join(dataDir, journalFileName));
    return ok({
      ...exported.value,
      captures,
      journalPassings,
      deviceDataKept: false,
    });
  } catch (error) {
    return fail(
      'purge-failed',
      `Could not delete the captures or the passing journal: ${messageOf(error)}`,
    );
  }
};
