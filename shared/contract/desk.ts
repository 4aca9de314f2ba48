// The desk contract: everything the renderer may ask of the process around
// it, declared once. The Electron preload implements it over IPC and the
// Node host (main/host) over a local WebSocket, so the same renderer runs in
// Electron and in plain Chromium. Names are `area:verb`.

import type { SheetTable } from '../isonen/sheet';
import {
  type DeviceEvents,
  type DeviceRequests,
  deviceEventNames,
  deviceRequestNames,
} from './devices';
import {
  type ExportEvents,
  type ExportRequests,
  exportEventNames,
  exportRequestNames,
} from './exports';
import {
  type KeyEvents,
  type KeyRequests,
  keyEventNames,
  keyRequestNames,
} from './keys';
import type { Result } from './result';
import {
  type ResultEvents,
  type ResultRequests,
  resultEventNames,
  resultRequestNames,
} from './results';
import {
  type RetentionEvents,
  type RetentionRequests,
  retentionEventNames,
  retentionRequestNames,
} from './retention';

export type AppInfo = {
  version: string;
  /** 'electron' or 'web-host'. */
  shell: 'electron' | 'web-host';
  platform: string;
  locale: string;
};

type CoreRequests = {
  'app:info': { args: Record<string, never>; result: AppInfo };
  /** Read an iSonen participant export (.xlsx) into a sheet table. */
  'import:read-sheet': {
    args: { fileName: string; bytes: Uint8Array };
    result: SheetTable;
  };
};

type CoreEvents = {
  'import:progress': { fileName: string; rowsRead: number };
};

/** Each area of the contract lives in its own file. */
export type DeskRequests = CoreRequests &
  DeviceRequests &
  ExportRequests &
  ResultRequests &
  KeyRequests &
  RetentionRequests;
export type DeskEvents = CoreEvents &
  DeviceEvents &
  ExportEvents &
  ResultEvents &
  KeyEvents &
  RetentionEvents;

export type DeskRequestName = keyof DeskRequests;
export type DeskEventName = keyof DeskEvents;

export type DeskApi = {
  invoke<K extends DeskRequestName>(
    name: K,
    args: DeskRequests[K]['args'],
  ): Promise<Result<DeskRequests[K]['result']>>;
  on<K extends DeskEventName>(
    name: K,
    listener: (payload: DeskEvents[K]) => void,
  ): () => void;
};

/** Handlers a shell implements, one per request. */
export type DeskHandlers = {
  [K in DeskRequestName]: (
    args: DeskRequests[K]['args'],
    emit: <E extends DeskEventName>(name: E, payload: DeskEvents[E]) => void,
  ) => Promise<Result<DeskRequests[K]['result']>>;
};

export const deskRequestNames = [
  'app:info',
  'import:read-sheet',
  ...deviceRequestNames,
  ...exportRequestNames,
  ...resultRequestNames,
  ...keyRequestNames,
  ...retentionRequestNames,
] as const satisfies readonly DeskRequestName[];

export const deskEventNames = [
  'import:progress',
  ...deviceEventNames,
  ...exportEventNames,
  ...resultEventNames,
  ...keyEventNames,
  ...retentionEventNames,
] as const satisfies readonly DeskEventName[];
