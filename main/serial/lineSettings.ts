// How each timing device talks on its serial line, and how its own record
// counter steps (to notice a passing that never arrived).

import type { DeviceProtocol } from '../../shared/contract/devices';
import { serialSettings } from '../../shared/timing/decoders';
import type { TimingProtocol } from '../../shared/timing/passing';

export type LineSettings = {
  /** Tried in order; SportIdent stations run at 38 400 or 4 800. */
  baudRates: readonly number[];
  dataBits: 8;
  stopBits: 1 | 2;
  parity: 'none';
};

/**
 * ALGE GAZ and D-LINE display boards take 2400 8N1 (Timy3 manual,
 * "Interface for display board"; shared/timing/alge/board.ts).
 */
const boardSettings = {
  baudRate: 2400,
  dataBits: 8,
  stopBits: 1,
  parity: 'none',
} as const;

export const lineSettings = (protocol: DeviceProtocol): LineSettings => {
  const { baudRate, dataBits, stopBits, parity } =
    protocol === 'alge-board' ? boardSettings : serialSettings[protocol];
  const baudRates = protocol === 'sportident' ? [baudRate, 4800] : [baudRate];
  return { baudRates, dataBits, stopBits, parity };
};

/**
 * The step between two consecutive records in the device's memory: a
 * SportIdent backup record is 8 bytes, an MTR4 package number counts by 1.
 */
export const counterStep = (protocol: DeviceProtocol): number | undefined =>
  protocol === 'sportident' ? 8 : protocol === 'emit-mtr4' ? 1 : undefined;

/** Bits on the wire per byte: start bit, data bits, stop bits. */
export const bitsPerByte = (protocol: TimingProtocol): number =>
  1 + serialSettings[protocol].dataBits + serialSettings[protocol].stopBits;
