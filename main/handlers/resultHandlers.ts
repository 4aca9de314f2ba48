// The results area of the desk contract in plain Node (shared/contract/results.ts):
// handlers, argument checks at the process boundary and time limits.
// Result files and start lists go to the data folder's exports/, beside
// the lists, each logged in the export log before the operator is told it
// is done: the retention purge deletes what the log names, and nothing else.

import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { appendExportLog, exportLogPath } from '../../node/lists/exportLog';
import type { Logger } from '../../node/log';
import { writeResults } from '../../node/results/writeResults';
import { fail, ok, type Result } from '../../shared/contract/result';
import {
  handedOverFields,
  handedOverListIds,
  type ResultRequestName,
  type ResultRequests,
  resultRequestLimitsMs,
} from '../../shared/contract/results';
import type { TimingListFormat } from '../../shared/formats/timingLists';
import {
  type ExportLogEntry,
  exportLogEntry,
} from '../../shared/lists/exportLog';
import { boardLines, printerLines } from '../../shared/results/devices';
import { exportFileName } from './exportFileName';

export { resultArgumentChecks } from './resultArguments';

/** Sends lines to a named serial device; the devices area provides it. */
export type DeviceSender = (
  device: string,
  lines: readonly Uint8Array[],
) => Promise<Result<{ lines: number }>>;

export type ResultHandlerOptions = {
  /** The desk's data folder; result files go to its exports/ folder. */
  dataDir?: string;
  sendToDevice?: DeviceSender;
  logger?: Logger;
  now?: () => Date;
};

export const resultTimeoutsMs = resultRequestLimitsMs satisfies Record<
  ResultRequestName,
  number
>;

type Handler<K extends ResultRequestName> = (
  args: ResultRequests[K]['args'],
) => Promise<Result<ResultRequests[K]['result']>>;

const extensions = {
  'iof-resultlist': '.xml',
  xlsx: '.xlsx',
  'iof-startlist': '.xml',
  'iof-entrylist': '.xml',
  'csv-startlist': '.csv',
} as const;

/** e.g. Tidtakerløpet-iof-startlist-20250614-090512.xml (local time). */
export const startListFileName = (
  eventName: string,
  format: TimingListFormat,
  at: Date,
): string => exportFileName(eventName, format, at, extensions[format]);

/** The name with its format's extension, numbered when the name is taken. */
const freePath = async (folder: string, name: string): Promise<string> => {
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate =
      n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    const taken = await stat(join(folder, candidate)).catch(() => null);
    if (taken === null) return join(folder, candidate);
  }
};

const noDevices = () =>
  fail(
    'devices-unavailable',
    'This desk cannot send to serial devices (no device sender is set up)',
  );

export const createResultHandlers = (options: ResultHandlerOptions) => {
  const { dataDir, logger, sendToDevice } = options;
  const now = options.now ?? (() => new Date());

  /**
   * Logs a file just written; a file nobody can account for must not stay
   * behind, so it is deleted when the log cannot be written.
   */
  const logWritten = async (
    folder: string,
    path: string,
    entry: ExportLogEntry,
  ): Promise<Result<ExportLogEntry>> => {
    const logged = await appendExportLog(exportLogPath(folder), entry);
    if (!logged.ok) await rm(path, { force: true });
    return logged;
  };

  const write: Handler<'results:write'> = async (args) => {
    if (dataDir === undefined) {
      return fail('exports-unavailable', 'This desk has no data folder');
    }
    const at = now();
    const folder = join(dataDir, 'exports');
    await mkdir(folder, { recursive: true });
    const extension = extensions[args.format];
    const name = args.fileName.toLowerCase().endsWith(extension)
      ? args.fileName
      : `${args.fileName}${extension}`;
    const path = await freePath(folder, name);
    const started = performance.now();
    const rows = await writeResults(args.format, args.list, path, {
      lang: args.lang,
      eventName: args.event.name,
      eventDate: args.event.date,
      createdAt: at.toISOString(),
      identities: args.identities,
    });
    const people = new Set(
      args.list.classes.flatMap((c) => c.results.map((r) => r.participantId)),
    ).size;
    const logged = await logWritten(
      folder,
      path,
      exportLogEntry(
        { columnIds: [...handedOverFields[args.format]], people, rows },
        {
          at: at.toISOString(),
          by: args.by,
          list: handedOverListIds[args.format],
          file: basename(path),
          event: args.event.id,
        },
      ),
    );
    if (!logged.ok) return logged;
    logger?.info(
      {
        format: args.format,
        event: args.event.id,
        rows,
        ms: Math.round(performance.now() - started),
      },
      'results written',
    );
    return ok({ path, rows, entry: logged.value });
  };

  const writeStartList: Handler<'results:write-start-list'> = async (args) => {
    if (dataDir === undefined) {
      return fail('exports-unavailable', 'This desk has no data folder');
    }
    const at = now();
    const folder = join(dataDir, 'exports');
    await mkdir(folder, { recursive: true });
    const path = await freePath(
      folder,
      startListFileName(args.event.name, args.format, at),
    );
    // wx: a name taken since freePath looked is not written over.
    await writeFile(path, args.text, { flag: 'wx' });
    const logged = await logWritten(
      folder,
      path,
      exportLogEntry(
        {
          columnIds: [...handedOverFields[args.format]],
          people: args.people,
          rows: args.rows,
        },
        {
          at: at.toISOString(),
          by: args.by,
          list: handedOverListIds[args.format],
          file: basename(path),
          event: args.event.id,
        },
      ),
    );
    if (!logged.ok) return logged;
    logger?.info(
      {
        format: args.format,
        event: args.event.id,
        people: args.people,
        rows: args.rows,
        bytes: args.text.byteLength,
      },
      'start list written',
    );
    return ok({ path, entry: logged.value });
  };

  const display: Handler<'results:display'> = async ({ device, finishers }) => {
    if (!sendToDevice) return noDevices();
    const list = {
      classes: [{ className: '', results: finishers }],
      unmatched: [],
      closed: false,
    };
    return sendToDevice(device, boardLines(list, finishers.length));
  };

  const print: Handler<'results:print'> = async ({ device, classResult }) =>
    sendToDevice
      ? sendToDevice(device, printerLines(classResult))
      : noDevices();

  return {
    'results:write': write,
    'results:write-start-list': writeStartList,
    'results:display': display,
    'results:print': print,
  } satisfies { [K in ResultRequestName]: Handler<K> };
};
