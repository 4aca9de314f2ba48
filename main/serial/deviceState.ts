// What the desk shows about each timing device, and what the manager tells
// whoever listens (the Electron glue forwards these to the renderer).

import type { DeviceProtocol } from '../../shared/contract/devices';
import type { BadFrame, DeviceMessage } from '../../shared/timing/passing';
import type { JournaledPassing } from '../journal/passingJournal';
import type { UsbIdentity } from './portIdentity';

export type DeviceConfig = {
  /** Our name for the device; the journal keys passings by it. */
  id: string;
  protocol: DeviceProtocol;
  /** A fixed port name, or where the device was last seen. */
  path?: string;
  /** Set for USB adapters: the device is looked up by it on each connect. */
  usb?: UsbIdentity;
};

/** Reading the device's own memory: what was missed while away. */
export type MemoryRead = 'backup-memory' | 'spool' | 'memory-dump';

export type DeviceState =
  | { state: 'connecting'; attempt: number }
  | { state: 'connected'; path: string; baudRate: number; sinceMs: number }
  | { state: 'reading'; path: string; what: MemoryRead; sinceMs: number }
  | { state: 'unplugged'; sinceMs: number; retryInMs: number }
  /** Another program holds the port (EBUSY or its lock). */
  | { state: 'busy'; path: string; sinceMs: number; retryInMs: number }
  /** The system refuses us the port (EACCES: not in the dialout group). */
  | { state: 'no-permission'; path: string; sinceMs: number; retryInMs: number }
  /** Opened, but the device answered at none of these baud rates. */
  | {
      state: 'no-answer';
      path: string;
      baudRates: number[];
      sinceMs: number;
      retryInMs: number;
    }
  | { state: 'error'; reason: string; sinceMs: number; retryInMs: number }
  | { state: 'stopped' };

export type DeviceEvent =
  | { type: 'state'; device: string; state: DeviceState }
  | { type: 'passing'; device: string; record: JournaledPassing }
  | { type: 'message'; device: string; message: DeviceMessage }
  | { type: 'bad-frame'; device: string; frame: BadFrame }
  /** A card read out: its punches, each also journaled as a passing. */
  | {
      type: 'readout';
      device: string;
      chip: string;
      cardType?: string;
      punches: { code: number; time: string }[];
    }
  | { type: 'capture'; device: string; path: string };

export type DeviceListener = (event: DeviceEvent) => void;
