// The results area of the desk contract in plain Node (shared/contract/results.ts):
// handlers, argument checks at the process boundary and time limits.

import type { Result } from '../../shared/contract/result';
import type {
  ResultRequestName,
  ResultRequests,
} from '../../shared/contract/results';

export type ResultHandlerOptions = Record<never, never>;

export const resultTimeoutsMs = {} satisfies Record<ResultRequestName, number>;

export const resultArgumentChecks = {} satisfies {
  [K in ResultRequestName]: (
    args: unknown,
  ) => Result<ResultRequests[K]['args']>;
};

export const createResultHandlers = (_options: ResultHandlerOptions) => ({});
