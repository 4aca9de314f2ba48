import type { DecoderOutput, TimingDecoder } from '../passing';
import { createStreamDecoder, type FrameScan } from '../streamDecoder';
import { timeOfDayAt } from '../timeOfDay';
import {
  ascii,
  controlsJson,
  type EcardControl,
  headSumFor,
  le,
  putLe,
  readControls,
  sum8,
  writeControls,
} from './ecard';

/**
 * Emit 250 reader ("Regnly EPT system", Emit 1994): 9600 baud 8N2. One
 * package is 217 bytes, every byte XOR 0xDF on the wire:
 *   0-1 0xFF 0xFF, 2-4 card number LSB first, 5 unused, 6 production week,
 *   7 production year, 8 unused, 9 check (bytes 2..9 sum to 0 mod 256),
 *   10-159 50 x (control code, 16-bit seconds LSB first), 160-191 text,
 *   192-215 three 8-byte display texts, 216 check (all 217 sum to 0).
 * The reader repeats the package while the card lies on it.
 */
export const EMIT_250_LENGTH = 217;
export const EMIT_XOR = 0xdf;

export type Ecard250 = {
  chip: number;
  productionWeek: number;
  productionYear: number;
  controls: EcardControl[];
  text?: string;
};

export type Emit250Options = {
  /** Station name on passings (the 250 sends none). */
  station?: number | string;
  /** Repeats closer than this count as the same card lying on the reader. */
  repeatWindowMs?: number;
  /** Local UTC offset at an instant, to turn arrival into time of day. */
  utcOffsetMinutes?: (epochMs: number) => number;
};

const plainAt = (buf: Uint8Array, at: number) => (buf[at] ?? 0) ^ EMIT_XOR;

const scan250 = (buf: Uint8Array, pos: number, end: number): FrameScan => {
  if (plainAt(buf, pos) !== 0xff) return { type: 'noise' };
  if (end - pos < 2) return { type: 'partial' };
  if (plainAt(buf, pos + 1) !== 0xff) return { type: 'noise' };
  if (end - pos < 10) return { type: 'partial' };
  let head = 0;
  for (let index = 2; index < 10; index++) head += plainAt(buf, pos + index);
  if ((head & 0xff) !== 0) {
    return { type: 'bad', length: 10, reason: 'card header check failed' };
  }
  if (end - pos < EMIT_250_LENGTH) return { type: 'partial' };
  let total = 0;
  for (let index = 0; index < EMIT_250_LENGTH; index++) {
    total += plainAt(buf, pos + index);
  }
  if ((total & 0xff) !== 0) {
    return { type: 'bad', length: EMIT_250_LENGTH, reason: 'checksum failed' };
  }
  return { type: 'frame', length: EMIT_250_LENGTH };
};

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => {
  if (a === undefined || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return false;
  }
  return true;
};

const unXor = (wire: Uint8Array) => {
  const plain = new Uint8Array(wire.length);
  for (let index = 0; index < wire.length; index++) {
    plain[index] = (wire[index] ?? 0) ^ EMIT_XOR;
  }
  return plain;
};

/**
 * Repeats are reported, not dropped: every package comes out with `repeat`
 * (0 for the first, 1, 2... for identical packages that follow within the
 * window). Deciding that a repeat is the same read belongs to the journal,
 * which sees arrival times and the operator's actions.
 */
export const createEmit250Decoder = (
  options: Emit250Options = {},
): TimingDecoder => {
  const station = options.station ?? 'emit-250';
  const window = options.repeatWindowMs ?? 3000;
  const offsetAt =
    options.utcOffsetMinutes ??
    ((ms: number) => -new Date(ms).getTimezoneOffset());
  let previous: Uint8Array | undefined;
  let previousMs: number | undefined;
  let repeat = 0;

  const decode = (wire: Uint8Array, offset: number, nowMs?: number) => {
    const plain = unXor(wire);
    const close =
      nowMs === undefined ||
      previousMs === undefined ||
      nowMs - previousMs <= window;
    repeat = sameBytes(previous, plain) && close ? repeat + 1 : 0;
    previous = plain;
    previousMs = nowMs;

    const chip = String(le(plain, 2, 3));
    const controls = readControls(plain, 10);
    const out: DecoderOutput[] = [
      {
        kind: 'message',
        protocol: 'emit-250',
        offset,
        type: 'ecard-readout',
        data: {
          chip,
          productionWeek: plain[6] ?? 0,
          productionYear: plain[7] ?? 0,
          controls: controlsJson(controls),
          text: ascii(plain, 160, 192),
          display: [192, 200, 208].map((at) => ascii(plain, at, at + 8)),
          repeat,
        },
      },
    ];
    if (nowMs !== undefined && Number.isFinite(nowMs)) {
      out.push({
        kind: 'passing',
        protocol: 'emit-250',
        offset,
        chip,
        station,
        time: timeOfDayAt(nowMs, offsetAt(nowMs)),
        extra: { repeat, receivedAtMs: nowMs, controls: controls.length },
      });
    }
    return out;
  };

  return createStreamDecoder({
    protocol: 'emit-250',
    // 217 bytes x 11 bits at 9600 baud is 249 ms.
    maxFrameMs: 400,
    scan: scan250,
    decode,
  });
};

/** The wire bytes of one 250 package, for simulators and tests. */
export const encodeEcard250 = (card: Ecard250): Uint8Array => {
  const plain = new Uint8Array(EMIT_250_LENGTH);
  plain[0] = 0xff;
  plain[1] = 0xff;
  putLe(plain, 2, 3, card.chip);
  plain[6] = card.productionWeek;
  plain[7] = card.productionYear;
  plain[9] = headSumFor(card.chip, card.productionWeek, card.productionYear);
  writeControls(plain, 10, card.controls);
  const text = card.text ?? '';
  for (let index = 0; index < 32; index++) {
    plain[160 + index] =
      index < text.length ? text.charCodeAt(index) & 0x7f : 0x20;
  }
  plain.fill(0x20, 192, 216);
  plain[216] = (256 - sum8(plain, 0, 216)) % 256;
  return unXor(plain);
};
