// The devices area of the desk contract in plain Node (shared/contract/devices.ts):
// handlers, argument checks at the process boundary and time limits.

import type {
  DeviceRequestName,
  DeviceRequests,
} from '../../shared/contract/devices';
import type { Result } from '../../shared/contract/result';

export type DeviceHandlerOptions = Record<never, never>;

export const deviceTimeoutsMs = {} satisfies Record<DeviceRequestName, number>;

export const deviceArgumentChecks = {} satisfies {
  [K in DeviceRequestName]: (
    args: unknown,
  ) => Result<DeviceRequests[K]['args']>;
};

export const createDeviceHandlers = (_options: DeviceHandlerOptions) => ({});
