// The desk contract's devices area (serial timing devices and their
// passings, issue #4). desk.ts joins it into DeskRequests and DeskEvents.
// Main keeps the journal and the ports; the renderer stores each passing
// as an operation and then acknowledges it, so a passing is never lost
// between the two (a restart hands back what was not acknowledged).

import type { PassingPayload } from '../domain/operation';
import { type TimingProtocol, timingProtocols } from '../timing/passing';

/**
 * What a device on a serial port is: a timing protocol the desk reads, or
 * an ALGE display board it only writes finishers to (results:display).
 */
export type DeviceProtocol = TimingProtocol | 'alge-board';

export const deviceProtocols: readonly DeviceProtocol[] = [
  ...timingProtocols,
  'alge-board',
];

export const isDeviceProtocol = (value: string): value is DeviceProtocol =>
  deviceProtocols.some((protocol) => protocol === value);

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
  protocol: DeviceProtocol;
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
  /** The operating system refuses us the port (Linux: not in dialout). */
  | { state: 'no-permission'; path: string; sinceMs: number; retryInMs: number }
  /** The port opened but the device answered at none of these speeds. */
  | {
      state: 'no-answer';
      path: string;
      baudRates: number[];
      sinceMs: number;
      retryInMs: number;
    }
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

/** A control punch read from a card (code and time as the card has it). */
export type CardPunch = { code: number; time: string };

/**
 * A card placed on a reader: its number, for pairing at check-in. Once
 * its data is read, a second readout carries its punches (which also reach
 * the desk as passings with source 'readout').
 */
export type CardReadout = {
  device: string;
  chip: string;
  atMs: number;
  cardType?: string;
  punches?: CardPunch[];
};

/** A device clock set to this computer's local time. */
export type ClockSet = {
  id: string;
  /** What was sent: local 'YYYY-MM-DD HH:MM:SS.fff'. */
  setTo: string;
  /** The device's clock as it answered afterwards, when it says. */
  deviceTime?: string;
};

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
  /** Sets the device's clock to this computer's time (SportIdent, MTR4). */
  'devices:set-clock': { args: { id: string }; result: ClockSet };
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
  'devices:set-clock',
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
  // Waits behind a memory read under way, then for the device's answer.
  'devices:set-clock': 15_000,
  'devices:acknowledge': 10_000,
} satisfies Record<DeviceRequestName, number>;

export const deviceEventNames = [
  'devices:status',
  'devices:passing',
  'devices:readout',
] as const satisfies readonly (keyof DeviceEvents)[];
