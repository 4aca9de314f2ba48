// The exports area of the desk contract in plain Node
// (shared/contract/exports.ts): lists written to .xlsx in the data folder's
// exports/ (or where the Electron save dialog says), each logged in the
// export log before the operator is told it is done.

import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
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
import type {
  ExportRequestName,
  ExportRequests,
  WriteListArgs,
} from '../../shared/contract/exports';
import { fail, ok, type Result } from '../../shared/contract/result';
import { exportLogEntry } from '../../shared/lists/exportLog';
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
  logger?: Logger;
  now?: () => Date;
};

/** Writing 50,000 rows takes 1-3 s; a slow laptop on battery gets margin. */
export const exportTimeoutsMs = {
  'exports:write-list': 120_000,
  'exports:log': 10_000,
  'exports:settings': 5_000,
  'exports:set-settings': 5_000,
} satisfies Record<ExportRequestName, number>;

type Handler<K extends ExportRequestName> = (
  args: ExportRequests[K]['args'],
) => Promise<Result<ExportRequests[K]['result']>>;

export const exportsFolder = (dataDir: string): string =>
  join(dataDir, 'exports');

const unavailable = () =>
  fail('exports-unavailable', 'This desk has no data folder to write lists to');

/** The plan the list's purpose allows, with exactly the columns sent. */
const planOf = (
  args: WriteListArgs,
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
        file: basename(path),
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

  const settingsHandler: Handler<'exports:settings'> = async ({ eventId }) =>
    dataDir === undefined
      ? unavailable()
      : readExportSettings(settingsFile(dataDir), eventId);

  const setSettingsHandler: Handler<'exports:set-settings'> = ({
    eventId,
    settings,
  }) => {
    if (dataDir === undefined) return Promise.resolve(unavailable());
    const next = settingsQueue.then(() =>
      writeExportSettings(settingsFile(dataDir), eventId, settings),
    );
    settingsQueue = next.catch(() => undefined);
    return next.then((result) => {
      if (result.ok) logger?.info({ eventId, ...result.value }, 'settings');
      return result;
    });
  };

  return {
    'exports:write-list': writeListHandler,
    'exports:log': logHandler,
    'exports:settings': settingsHandler,
    'exports:set-settings': setSettingsHandler,
  } satisfies { [K in ExportRequestName]: Handler<K> };
};
