// The exports area of the desk contract in plain Node
// (shared/contract/exports.ts): lists written to .xlsx in the data folder's
// exports/ (or where the Electron save dialog says), printed lists, and
// Electron's print to PDF into exports/, each logged in the export log
// before the operator is told it is done; and who may make the external
// list (the organizer: recorded by an operator for a local-only event,
// set in the central service for a connected one).

import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  appendExportLog,
  exportLogPath,
  readExportLog,
} from '../../node/lists/exportLog';
import {
  exportSettingsPath,
  readExportSettings,
  writeExportSettings,
} from '../../node/lists/exportSettings';
import { writeList } from '../../node/lists/writeList';
import type { Logger } from '../../node/log';
import {
  type ExportRequestName,
  type ExportRequests,
  type ExportSettings,
  exportRequestLimitsMs,
  type PrintListArgs,
  type WriteListArgs,
} from '../../shared/contract/exports';
import { fail, ok, type Result } from '../../shared/contract/result';
import {
  type ExportLogEntry,
  exportLogEntry,
} from '../../shared/lists/exportLog';
import { type ListPlan, planList } from '../../shared/lists/purposes';
import { unpackRows } from './exportArguments';
import { exportFileName } from './exportFileName';

export { exportArgumentChecks } from './exportArguments';

export type ExportHandlerOptions = {
  /** The desk's data folder; lists go to its exports/ folder. */
  dataDir?: string;
  /**
   * Asks where to save (Electron's save dialog), starting from the
   * suggested path; null when the operator cancels.
   */
  choosePath?: (suggested: string) => Promise<string | null>;
  /**
   * Prints the page as it prints (its print view) to PDF bytes: Electron's
   * webContents.printToPDF. Absent in the web host, where the browser's
   * own print dialog has a PDF printer.
   */
  printToPdf?: () => Promise<Uint8Array>;
  logger?: Logger;
  now?: () => Date;
};

export const exportTimeoutsMs = exportRequestLimitsMs;

type Handler<K extends ExportRequestName> = (
  args: ExportRequests[K]['args'],
) => Promise<Result<ExportRequests[K]['result']>>;

export const exportsFolder = (dataDir: string): string =>
  join(dataDir, 'exports');

const unavailable = () =>
  fail('exports-unavailable', 'This desk has no data folder to write lists to');

/** The plan the list's purpose allows, with exactly the columns sent. */
const planOf = (
  args: Pick<WriteListArgs, 'list' | 'columns'>,
  allowExternal: boolean,
): Result<ListPlan> => {
  const chooser = args.list === 'participant-list';
  const plan = planList(args.list, {
    allowExternal,
    columns: chooser ? args.columns : undefined,
  });
  if (!plan.ok) return plan;
  const planned = plan.value.columns.map((column) => column.id);
  if (planned.join(',') !== args.columns.join(',')) {
    return fail(
      'columns-mismatch',
      `${args.list} has the columns ${planned.join(', ')}; ` +
        `the rows sent have ${args.columns.join(', ')}`,
      { list: args.list },
    );
  }
  return plan;
};

/**
 * What the log names: the bare name of a file in the exports folder, the
 * full path of one the save dialog put elsewhere (the purge deletes it
 * there, and only it).
 */
export const loggedFile = (folder: string, path: string): string =>
  resolve(dirname(path)) === resolve(folder) ? basename(path) : resolve(path);

const freePath = async (folder: string, name: string): Promise<string> => {
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate =
      n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    const taken = await stat(join(folder, candidate)).catch(() => null);
    if (taken === null) return join(folder, candidate);
  }
};

export const createExportHandlers = (options: ExportHandlerOptions) => {
  const { dataDir, logger } = options;
  const now = options.now ?? (() => new Date());
  // Settings are read, changed and written whole: one change at a time.
  let settingsQueue: Promise<unknown> = Promise.resolve();

  const settingsFile = (dir: string) => exportSettingsPath(exportsFolder(dir));
  const logFile = (dir: string) => exportLogPath(exportsFolder(dir));

  const targetPath = async (
    dir: string,
    args: WriteListArgs,
    at: Date,
  ): Promise<string | null> => {
    const folder = exportsFolder(dir);
    await mkdir(folder, { recursive: true });
    const suggested = await freePath(
      folder,
      exportFileName(args.event.name, args.list, at),
    );
    return options.choosePath ? options.choosePath(suggested) : suggested;
  };

  const writeListHandler: Handler<'exports:write-list'> = async (args) => {
    if (dataDir === undefined) return unavailable();
    const rows = unpackRows(args);
    if (!rows.ok) return rows;
    const settings = await readExportSettings(
      settingsFile(dataDir),
      args.event.id,
    );
    if (!settings.ok) return settings;
    const plan = planOf(args, settings.value.allowExternalList);
    if (!plan.ok) return plan;

    const at = now();
    const path = await targetPath(dataDir, args, at);
    if (path === null) {
      return fail('export-cancelled', 'The list was not saved');
    }
    const started = performance.now();
    const { purpose, columns } = plan.value;
    const written = await writeList(
      {
        headers: columns.map((column) => column.header[args.lang]),
        widths: columns.map((column) => column.width),
        people: args.people,
        cells: rows.value.cells,
      },
      path,
      purpose.title[args.lang],
    );
    const entry = exportLogEntry(
      {
        columnIds: columns.map((column) => column.id),
        people: written.people,
        rows: written.rows,
      },
      {
        at: at.toISOString(),
        by: args.by,
        list: purpose.id,
        file: loggedFile(exportsFolder(dataDir), path),
        event: args.event.id,
      },
    );
    const logged = await appendExportLog(logFile(dataDir), entry);
    if (!logged.ok) {
      // A list nobody can account for must not stay behind.
      await rm(path, { force: true });
      return logged;
    }
    logger?.info(
      {
        list: purpose.id,
        people: written.people,
        rows: written.rows,
        columns: written.columns,
        ms: Math.round(performance.now() - started),
      },
      'list exported',
    );
    return ok({ path, entry });
  };

  const logHandler: Handler<'exports:log'> = async ({ eventId }) => {
    if (dataDir === undefined) return unavailable();
    const entries = await readExportLog(logFile(dataDir));
    if (!entries.ok || eventId === undefined) return entries;
    return ok(entries.value.filter((entry) => entry.event === eventId));
  };

  /** The event's settings, or why they cannot be read. */
  const settingsOf = (dir: string, eventId: string) =>
    readExportSettings(settingsFile(dir), eventId);

  /** Checks a print like a file, then logs it. */
  const logPrinted = async (
    dir: string,
    args: PrintListArgs,
    via: 'print' | 'pdf',
    file: () => Promise<Result<string>>,
  ): Promise<Result<{ path: string; entry: ExportLogEntry }>> => {
    const settings = await settingsOf(dir, args.event.id);
    if (!settings.ok) return settings;
    const plan = planOf(args, settings.value.allowExternalList);
    if (!plan.ok) return plan;
    const at = now();
    const written = await file();
    if (!written.ok) return written;
    const path = written.value;
    const { purpose, columns } = plan.value;
    const entry = exportLogEntry(
      {
        columnIds: columns.map((column) => column.id),
        people: args.people,
        rows: args.rows,
      },
      {
        at: at.toISOString(),
        by: args.by,
        list: purpose.id,
        file: path === '' ? '' : loggedFile(exportsFolder(dir), path),
        event: args.event.id,
        via,
      },
    );
    const logged = await appendExportLog(logFile(dir), entry);
    if (!logged.ok) {
      if (path !== '') await rm(path, { force: true });
      return logged;
    }
    logger?.info(
      { list: purpose.id, people: args.people, rows: args.rows, via },
      'list printed',
    );
    return ok({ path, entry });
  };

  const logPrintHandler: Handler<'exports:log-print'> = async (args) => {
    if (dataDir === undefined) return unavailable();
    const printed = await logPrinted(dataDir, args, 'print', async () =>
      ok(''),
    );
    return printed.ok ? ok(printed.value.entry) : printed;
  };

  const printPdfHandler: Handler<'exports:print-pdf'> = async (args) => {
    if (dataDir === undefined) return unavailable();
    const { printToPdf } = options;
    if (printToPdf === undefined) {
      return fail(
        'print-pdf-unavailable',
        "This desk cannot print to PDF itself; use the print dialog's PDF printer",
      );
    }
    return logPrinted(dataDir, args, 'pdf', async () => {
      const folder = exportsFolder(dataDir);
      await mkdir(folder, { recursive: true });
      const path = await freePath(
        folder,
        exportFileName(args.event.name, args.list, now(), 'pdf'),
      );
      try {
        await writeFile(path, await printToPdf());
      } catch (error) {
        await rm(path, { force: true });
        const message = error instanceof Error ? error.message : String(error);
        return fail('print-pdf-failed', `Printing to PDF failed: ${message}`);
      }
      return ok(path);
    });
  };

  const settingsHandler: Handler<'exports:settings'> = async ({ eventId }) =>
    dataDir === undefined ? unavailable() : settingsOf(dataDir, eventId);

  /** One change at a time: settings are read, changed and written whole. */
  const queued = (
    change: () => Promise<Result<ExportSettings>>,
  ): Promise<Result<ExportSettings>> => {
    const next = settingsQueue.then(change);
    settingsQueue = next.catch(() => undefined);
    return next;
  };

  const setSettingsHandler: Handler<'exports:set-settings'> = (args) => {
    if (dataDir === undefined) return Promise.resolve(unavailable());
    const { eventId, allowExternalList, by } = args;
    return queued(async () => {
      const before = await settingsOf(dataDir, eventId);
      if (!before.ok) return before;
      if (before.value.source === 'central') {
        return fail(
          'settings-central',
          'The organizer sets this in the central service for a connected ' +
            'event; it cannot be changed on the desk',
        );
      }
      const saved = await writeExportSettings(settingsFile(dataDir), eventId, {
        at: now().toISOString(),
        by,
        source: 'desk',
        allowExternalList,
      });
      // The operator's name is in the settings file, not in the log.
      if (saved.ok) {
        logger?.info(
          { eventId, allowExternalList, source: 'desk' },
          'external list permission changed',
        );
      }
      return saved;
    });
  };

  const centralSettingsHandler: Handler<'exports:central-settings'> = (
    args,
  ) => {
    if (dataDir === undefined) return Promise.resolve(unavailable());
    const { eventId, allowExternalList } = args;
    return queued(async () => {
      const before = await settingsOf(dataDir, eventId);
      if (!before.ok) return before;
      // Disconnected: the desk decides again, starting from not allowed.
      const source = allowExternalList === null ? 'desk' : 'central';
      const allow = allowExternalList ?? false;
      const same =
        allowExternalList === null
          ? before.value.source === 'desk'
          : before.value.source === 'central' &&
            before.value.allowExternalList === allow;
      if (same) return before;
      const saved = await writeExportSettings(settingsFile(dataDir), eventId, {
        at: now().toISOString(),
        by: 'central',
        source,
        allowExternalList: allow,
      });
      if (saved.ok) {
        logger?.info(
          { eventId, allowExternalList: allow, source },
          'external list permission changed',
        );
      }
      return saved;
    });
  };

  return {
    'exports:write-list': writeListHandler,
    'exports:log-print': logPrintHandler,
    'exports:print-pdf': printPdfHandler,
    'exports:log': logHandler,
    'exports:settings': settingsHandler,
    'exports:set-settings': setSettingsHandler,
    'exports:central-settings': centralSettingsHandler,
  } satisfies { [K in ExportRequestName]: Handler<K> };
};
