// The results area of the desk contract in plain Node (shared/contract/results.ts):
// handlers, argument checks at the process boundary and time limits.
// Result files go to the data folder's exports/, beside the lists.

import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../node/log';
import { writeResults } from '../../node/results/writeResults';
import { fail, ok, type Result } from '../../shared/contract/result';
import {
  type ResultRequestName,
  type ResultRequests,
  resultRequestLimitsMs,
} from '../../shared/contract/results';
import { boardLines, printerLines } from '../../shared/results/devices';

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

const extensions = { 'iof-resultlist': '.xml', xlsx: '.xlsx' } as const;

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

  const write: Handler<'results:write'> = async (args) => {
    if (dataDir === undefined) {
      return fail('exports-unavailable', 'This desk has no data folder');
    }
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
      createdAt: now().toISOString(),
      identities: args.identities,
    });
    logger?.info(
      {
        format: args.format,
        event: args.event.id,
        rows,
        ms: Math.round(performance.now() - started),
      },
      'results written',
    );
    return ok({ path, rows });
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
    'results:display': display,
    'results:print': print,
  } satisfies { [K in ResultRequestName]: Handler<K> };
};
