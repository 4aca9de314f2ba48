import type { JsonObject } from '../passing';

/** Sum of bytes modulo 256, the check both Emit readers use. */
export const sum8 = (bytes: Uint8Array, from: number, to: number): number => {
  let total = 0;
  for (let index = from; index < to; index++) total += bytes[index] ?? 0;
  return total & 0xff;
};

export const le = (bytes: Uint8Array, at: number, count: number): number => {
  let value = 0;
  for (let index = count - 1; index >= 0; index--) {
    value = value * 256 + (bytes[at + index] ?? 0);
  }
  return value;
};

export const putLe = (
  bytes: Uint8Array,
  at: number,
  count: number,
  value: number,
) => {
  let rest = value;
  for (let index = 0; index < count; index++) {
    bytes[at + index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
};

export type EcardControl = { code: number; seconds: number };

/**
 * 50 pairs of (control code, 16-bit time LSB first, seconds since the card
 * was started). Unused pairs are zero; the first pair is the start (code 0,
 * time 0), so a pair is kept while it is not all zero or it is the first.
 */
export const readControls = (bytes: Uint8Array, at: number) => {
  const controls: EcardControl[] = [];
  for (let index = 0; index < 50; index++) {
    const code = bytes[at + index * 3] ?? 0;
    const seconds = le(bytes, at + index * 3 + 1, 2);
    if (index > 0 && code === 0 && seconds === 0) break;
    controls.push({ code, seconds });
  }
  return controls;
};

export const writeControls = (
  bytes: Uint8Array,
  at: number,
  controls: readonly EcardControl[],
) => {
  controls.slice(0, 50).forEach((control, index) => {
    bytes[at + index * 3] = control.code;
    putLe(bytes, at + index * 3 + 1, 2, control.seconds);
  });
};

export const controlsJson = (controls: EcardControl[]): JsonObject[] =>
  controls.map((control) => ({ ...control }));

/** Printable ASCII of a text field, trailing blanks trimmed. */
export const ascii = (bytes: Uint8Array, from: number, to: number) => {
  let text = '';
  for (let index = from; index < to; index++) {
    const byte = bytes[index] ?? 0;
    text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ' ';
  }
  return text.trimEnd();
};

/**
 * The card header check: card number (3 bytes), week, year and the head
 * sum byte add up to 0 modulo 256 (the 250 protocol's byte 10).
 */
export const headSumFor = (card: number, week: number, year: number) =>
  (256 -
    (((card & 0xff) +
      ((card >> 8) & 0xff) +
      ((card >> 16) & 0xff) +
      week +
      year) %
      256)) %
  256;
