// The exports area of the desk contract in plain Node (shared/contract/exports.ts):
// handlers, argument checks at the process boundary and time limits.

import type {
  ExportRequestName,
  ExportRequests,
} from '../../shared/contract/exports';
import type { Result } from '../../shared/contract/result';

export type ExportHandlerOptions = Record<never, never>;

export const exportTimeoutsMs = {} satisfies Record<ExportRequestName, number>;

export const exportArgumentChecks = {} satisfies {
  [K in ExportRequestName]: (
    args: unknown,
  ) => Result<ExportRequests[K]['args']>;
};

export const createExportHandlers = (_options: ExportHandlerOptions) => ({});
