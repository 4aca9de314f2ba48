// The desk contract in plain Node: no Electron here, so the web host and the
// tests run exactly what the Electron shell runs.

import type { Logger } from '../../node/log';
import type {
  AppInfo,
  DeskHandlers,
  DeskRequests,
} from '../../shared/contract/desk';
import { ok, type Result } from '../../shared/contract/result';
import type { SheetTable } from '../../shared/isonen/sheet';
import {
  createDeviceHandlers,
  type DeviceHandlerOptions,
} from './deviceHandlers';
import {
  createExportHandlers,
  type ExportHandlerOptions,
} from './exportHandlers';
import { createKeyHandlers, type KeyHandlerOptions } from './keyHandlers';
import {
  createResultHandlers,
  type ResultHandlerOptions,
} from './resultHandlers';
import {
  createRetentionHandlers,
  type RetentionHandlerOptions,
} from './retentionHandlers';

/** node/xlsx/readSheet's shape, passed in so tests can give their own. */
export type SheetReader = (
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (rowsRead: number) => void,
) => Promise<Result<SheetTable>>;

export type DeskHandlerOptions = {
  shell: AppInfo['shell'];
  version: string;
  platform: string;
  locale: string;
  readSheet: SheetReader;
  logger: Logger;
  devices?: DeviceHandlerOptions;
  exports?: ExportHandlerOptions;
  results?: ResultHandlerOptions;
  keys?: KeyHandlerOptions;
  retention?: RetentionHandlerOptions;
  /** Least time between two progress events of one import. */
  progressIntervalMs?: number;
};

type Handler<K extends keyof DeskRequests> = DeskHandlers[K];

const appInfo =
  (options: DeskHandlerOptions): Handler<'app:info'> =>
  async () =>
    ok({
      version: options.version,
      shell: options.shell,
      platform: options.platform,
      locale: options.locale,
    });

const readSheet =
  (options: DeskHandlerOptions): Handler<'import:read-sheet'> =>
  async ({ fileName, bytes }, emit) => {
    const log = options.logger;
    const interval = options.progressIntervalMs ?? 100;
    const started = Date.now();
    let lastEmit = 0;

    // Readers report per row; the renderer needs a few updates a second.
    const onProgress = (rowsRead: number) => {
      const now = Date.now();
      if (now - lastEmit >= interval) {
        lastEmit = now;
        emit('import:progress', { fileName, rowsRead });
      }
    };

    log.info({ fileName, size: bytes.byteLength }, 'reading sheet');
    const result = await options.readSheet(bytes, fileName, onProgress);
    const ms = Date.now() - started;
    if (result.ok) {
      const rowsRead = result.value.rows.length;
      emit('import:progress', { fileName, rowsRead });
      log.info({ fileName, rowsRead, ms }, 'sheet read');
    } else {
      log.warn({ fileName, code: result.error.code, ms }, 'sheet refused');
    }
    return result;
  };

export const createDeskHandlers = (options: DeskHandlerOptions): DeskHandlers =>
  ({
    'app:info': appInfo(options),
    'import:read-sheet': readSheet(options),
    ...createDeviceHandlers(options.devices ?? {}),
    ...createExportHandlers(options.exports ?? {}),
    ...createResultHandlers(options.results ?? {}),
    ...createKeyHandlers(options.keys ?? {}),
    ...createRetentionHandlers(options.retention ?? {}),
  }) satisfies DeskHandlers;
