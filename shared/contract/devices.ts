// The desk contract's devices area (serial timing devices and their
// passings, issue #4). desk.ts joins it into DeskRequests and DeskEvents.
// Main keeps the journal and the ports; the renderer stores each passing
// as an operation and then acknowledges it, so a passing is never lost
// between the two (a restart hands back what was not acknowledged).

import type { PassingPayload } from '../domain/operation';
import type { TimingProtocol } from '../timing/passing';

/** What the system lists for a serial port. */
export type SerialPortInfo = {
  path: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  manufacturer?: string;
};

/** A USB adapter as remembered, to find it again under another name. */
export type UsbIdentity = {
  vendorId: string;
  productId: string;
  serialNumber?: string;
};

export type DeviceSetup = {
  /** Our name for the device, e.g. 'finish'; the journal keys by it. */
  id: string;
  protocol: TimingProtocol;
  /** A fixed port name, or where the device was last seen. */
  path?: string;
  /** For USB adapters: the device is looked up by it on each connect. */
  usb?: UsbIdentity;
};

export type MemoryRead = 'backup-memory' | 'spool' | 'memory-dump';

/** What the desk shows about a device (main/serial/deviceState.ts). */
export type DeviceStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'connected'; path: string; baudRate: number; sinceMs: number }
  | { state: 'reading'; path: string; what: MemoryRead; sinceMs: number }
  | { state: 'unplugged'; sinceMs: number; retryInMs: number }
  /** Another program holds the port. */
  | { state: 'busy'; path: string; sinceMs: number; retryInMs: number }
  | { state: 'error'; reason: string; sinceMs: number; retryInMs: number }
  | { state: 'stopped' };

export type DeviceSnapshot = {
  setup: DeviceSetup;
  status: DeviceStatus;
  /** The raw bytes of the current session, as a file. */
  capturePath: string;
  /** Passings journaled since main started. */
  passings: number;
  badFrames: number;
};

/** A passing on its way to the desk: journaled, not yet acknowledged. */
export type JournaledPassing = PassingPayload & {
  /** The journal's id; acknowledge with it. */
  id: string;
  receivedAtMs: number;
};

/** A card placed on a reader: its number, for pairing at check-in. */
export type CardReadout = { device: string; chip: string; atMs: number };

export type DeviceRequests = {
  'devices:list-ports': {
    args: Record<string, never>;
    result: SerialPortInfo[];
  };
  /** The configured devices, kept in the data folder across restarts. */
  'devices:list': { args: Record<string, never>; result: DeviceSnapshot[] };
  /** Adds (or replaces) a device and starts watching it. */
  'devices:watch': { args: DeviceSetup; result: DeviceSnapshot };
  /** Stops watching and forgets the device. */
  'devices:stop': { args: { id: string }; result: { id: string } };
  /**
   * Sends this page the devices' events from now on, and answers with the
   * passings journaled but never acknowledged (oldest first).
   */
  'devices:subscribe': {
    args: Record<string, never>;
    result: { unacknowledged: JournaledPassing[] };
  };
  /** The desk stored these passings; the journal forgets them. */
  'devices:acknowledge': {
    args: { ids: string[] };
    result: { acknowledged: number };
  };
};
export type DeviceRequestName = keyof DeviceRequests;

export type DeviceEvents = {
  'devices:status': { device: string; snapshot: DeviceSnapshot };
  'devices:passing': JournaledPassing;
  'devices:readout': CardReadout;
};

export const deviceRequestNames = [
  'devices:list-ports',
  'devices:list',
  'devices:watch',
  'devices:stop',
  'devices:subscribe',
  'devices:acknowledge',
] as const satisfies readonly (keyof DeviceRequests)[];

/**
 * How long main may take per request. The web host's client waits a few
 * seconds longer, so main's own answer (timeout included) arrives first.
 */
export const deviceRequestLimitsMs = {
  // udevadm answers in well under a second; a slow USB hub gets margin.
  'devices:list-ports': 10_000,
  'devices:list': 5_000,
  'devices:watch': 10_000,
  // Stopping waits for the port to close and a memory read to give up.
  'devices:stop': 15_000,
  'devices:subscribe': 10_000,
  'devices:acknowledge': 10_000,
} satisfies Record<DeviceRequestName, number>;

export const deviceEventNames = [
  'devices:status',
  'devices:passing',
  'devices:readout',
] as const satisfies readonly (keyof DeviceEvents)[];
