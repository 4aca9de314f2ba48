import type { FrameScan } from '../streamDecoder';
import { siCrc } from './crc';

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const DLE = 0x10;
export const NAK = 0x15;
export const WAKEUP = 0xff;

/** A base-protocol frame longer than this is noise, not a frame. */
const maxBaseFrame = 300;

/**
 * Finds SportIdent frames. Extended protocol (command >= 0x80, BSM7/BSM8):
 * STX CMD LEN DATA CRC1 CRC0 ETX, CRC over CMD LEN DATA, no stuffing. Base
 * (legacy) protocol (command < 0x80): STX CMD DATA ETX where any byte below
 * 0x20 in DATA is preceded by DLE, and there is no length and no CRC.
 */
export const scanSiFrame = (
  buf: Uint8Array,
  pos: number,
  end: number,
): FrameScan => {
  const first = buf[pos];
  if (first === WAKEUP) return { type: 'idle' };
  if (first === ACK || first === NAK) return { type: 'frame', length: 1 };
  if (first !== STX) return { type: 'noise' };
  if (end - pos < 2) return { type: 'partial' };

  const command = buf[pos + 1] ?? 0;
  // Stations often send STX twice after the wake-up byte.
  if (command === STX) return { type: 'idle' };
  return command >= 0x80
    ? scanExtended(buf, pos, end)
    : scanBase(buf, pos, end);
};

const scanExtended = (buf: Uint8Array, pos: number, end: number): FrameScan => {
  if (end - pos < 3) return { type: 'partial' };
  const length = (buf[pos + 2] ?? 0) + 6;
  if (end - pos < length) return { type: 'partial' };
  if (buf[pos + length - 1] !== ETX) {
    return { type: 'bad', length, reason: 'no ETX where LEN says' };
  }
  const crc =
    ((buf[pos + length - 3] ?? 0) << 8) | (buf[pos + length - 2] ?? 0);
  if (siCrc(buf, pos + 1, pos + length - 3) !== crc) {
    return { type: 'bad', length, reason: 'CRC mismatch' };
  }
  return { type: 'frame', length };
};

const scanBase = (buf: Uint8Array, pos: number, end: number): FrameScan => {
  let index = pos + 2;
  while (index < end && index - pos < maxBaseFrame) {
    const byte = buf[index];
    if (byte === ETX) return { type: 'frame', length: index - pos + 1 };
    if (byte === DLE) {
      index += 2;
      continue;
    }
    // Base protocol sends every byte below 0x20 after a DLE: a bare one
    // means this STX did not start a frame.
    if (byte !== undefined && byte < 0x20) {
      return {
        type: 'bad',
        length: index - pos + 1,
        reason: 'bare control byte',
      };
    }
    index += 1;
  }
  if (index - pos >= maxBaseFrame) {
    return { type: 'bad', length: index - pos, reason: 'no ETX' };
  }
  return { type: 'partial' };
};

/** Removes DLE stuffing from the data of a base-protocol frame. */
export const unstuffBase = (frame: Uint8Array): Uint8Array => {
  const out: number[] = [];
  for (let index = 2; index < frame.length - 1; index++) {
    const byte = frame[index] ?? 0;
    if (byte === DLE) {
      index += 1;
      out.push(frame[index] ?? 0);
    } else {
      out.push(byte);
    }
  }
  return Uint8Array.from(out);
};

/** Builds an extended-protocol frame; a wake-up byte leads host commands. */
export const encodeSiFrame = (
  command: number,
  data: ArrayLike<number> = [],
  wakeup = false,
): Uint8Array => {
  const body = Uint8Array.from([command, data.length, ...Array.from(data)]);
  const crc = siCrc(body);
  const frame = [STX, ...body, crc >> 8, crc & 0xff, ETX];
  return Uint8Array.from(wakeup ? [WAKEUP, ...frame] : frame);
};

export const hex = (bytes: ArrayLike<number>): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
