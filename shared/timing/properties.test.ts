import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timyChecksumText } from './alge/timyLine';
import { createDecoder } from './decoders';
import { encodeEcard250 } from './emit/emit250';
import { encodeMtrReading } from './emit/mtr4';
import { encodePassing } from './encode';
import type { DecoderOutput, TimingProtocol } from './passing';
import { encodeSiFrame } from './sportident/frame';
import { concatBytes, identityOf, passingsOf } from './testing/bytes';

/** What each protocol reports that must never be invented. */
const itemsOf = (outputs: DecoderOutput[]): string[] =>
  outputs.flatMap((output) => {
    // The 250 sends no clock: its passings carry the arrival time, so its
    // readouts stand for them; `repeat` depends on the neighbours.
    if (output.kind === 'passing' && output.protocol !== 'emit-250') {
      return [identityOf(output)];
    }
    if (output.kind === 'message' && output.type === 'ecard-readout') {
      const { repeat: _repeat, ...card } = output.data;
      return [JSON.stringify(card)];
    }
    return [];
  });

const siPunch = fc
  .record({
    station: fc.integer({ min: 1, max: 1023 }),
    family: fc.constantFrom(0, 0x0f),
    card: fc.tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
    ),
    td: fc.integer({ min: 0, max: 63 }),
    seconds: fc.integer({ min: 0, max: 43_199 }),
    tss: fc.integer({ min: 0, max: 255 }),
    memory: fc.integer({ min: 0, max: 0xffffff }),
  })
  .map((p) =>
    encodeSiFrame(0xd3, [
      p.station >> 8,
      p.station & 0xff,
      p.family,
      ...p.card,
      p.td,
      p.seconds >> 8,
      p.seconds & 0xff,
      p.tss,
      p.memory >> 16,
      (p.memory >> 8) & 0xff,
      p.memory & 0xff,
    ]),
  );

const controls = fc.array(
  fc.record({
    code: fc.integer({ min: 1, max: 250 }),
    seconds: fc.integer({ min: 1, max: 65_534 }),
  }),
  { maxLength: 49 },
);

const ecard250 = fc
  .record({
    chip: fc.integer({ min: 1, max: 999_999 }),
    productionWeek: fc.integer({ min: 1, max: 53 }),
    productionYear: fc.integer({ min: 0, max: 99 }),
    controls,
  })
  .map((card) =>
    encodeEcard250({
      ...card,
      controls: [{ code: 0, seconds: 0 }, ...card.controls],
    }),
  );

const mtrReading = fc
  .record({
    mtrId: fc.integer({ min: 1, max: 65_535 }),
    year: fc.integer({ min: 0, max: 53 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    secondsOfDay: fc.integer({ min: 0, max: 86_399 }),
    packageNumber: fc.integer({ min: 1, max: 0xffff_ffff }),
    chip: fc.integer({ min: 1, max: 999_999 }),
    productionWeek: fc.integer({ min: 0, max: 53 }),
    productionYear: fc.integer({ min: 0, max: 99 }),
    controls,
  })
  .map((r) =>
    encodeMtrReading({
      ...r,
      date: `${2000 + r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
      ms: 0,
      controls: [{ code: 0, seconds: 0 }, ...r.controls],
    }),
  );

const two = (value: number) => String(value).padStart(2, '0');

const timyLine = fc
  .record({
    info: fc.constantFrom(' ', '?', 'm', 'i', 'c', 'd', 'n'),
    bib: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }),
    channel: fc.integer({ min: 0, max: 8 }),
    manual: fc.boolean(),
    seconds: fc.integer({ min: 0, max: 86_399 }),
    fraction: fc.integer({ min: 0, max: 9999 }),
    checksum: fc.boolean(),
  })
  .map((t) => {
    const bib = t.bib === undefined ? '    ' : String(t.bib).padStart(4, '0');
    const clock = `${two(Math.floor(t.seconds / 3600))}:${two(Math.floor((t.seconds % 3600) / 60))}:${two(t.seconds % 60)}`;
    const channel = `c${t.channel}${t.manual ? 'M' : ' '}`;
    const line = `${t.info}${bib} ${channel} ${clock}.${String(t.fraction).padStart(4, '0')} 00`;
    const text = `${line}${t.checksum ? timyChecksumText(line) : ''}\r`;
    return Uint8Array.from(text, (char) => char.charCodeAt(0));
  });

type Case = {
  protocol: TimingProtocol;
  frame: fc.Arbitrary<Uint8Array>;
  /** Bytes that can neither start nor end a frame of this protocol. */
  quiet: (byte: number) => boolean;
  /** Whether a checksum guards every frame against a flipped bit. */
  checked: boolean;
};

const cases: Case[] = [
  {
    protocol: 'sportident',
    frame: siPunch,
    quiet: (byte) => byte !== 0x02,
    checked: true,
  },
  {
    protocol: 'emit-250',
    frame: ecard250,
    quiet: (byte) => byte !== 0x20,
    checked: true,
  },
  {
    protocol: 'emit-mtr4',
    frame: mtrReading,
    quiet: (byte) => byte !== 0xff,
    checked: true,
  },
  {
    protocol: 'alge-timy',
    frame: timyLine,
    quiet: (byte) => byte !== 0x0d && byte !== 0x0a,
    checked: false,
  },
];

/** Pushes a stream in chunks of the given sizes, then drains it. */
const decodeInChunks = (
  protocol: TimingProtocol,
  stream: Uint8Array,
  sizes: number[],
) => {
  const decoder = createDecoder(protocol);
  const outputs: DecoderOutput[] = [];
  let at = 0;
  let step = 0;
  while (at < stream.length) {
    const size = sizes[step % Math.max(sizes.length, 1)] ?? stream.length;
    outputs.push(...decoder.push(stream.subarray(at, at + size), step));
    at += size;
    step += 1;
  }
  outputs.push(...decoder.flush(Number.POSITIVE_INFINITY));
  return outputs;
};

const alone = (protocol: TimingProtocol, frame: Uint8Array) =>
  decodeInChunks(protocol, frame, [frame.length]);

/** Every decoded item was sent, and no more often than it was sent. */
const isSubset = (decoded: string[], sent: string[]) => {
  const left = [...sent];
  return decoded.every((item) => {
    const index = left.indexOf(item);
    if (index < 0) return false;
    left.splice(index, 1);
    return true;
  });
};

const chunkSizes = fc.array(fc.integer({ min: 1, max: 64 }), {
  minLength: 1,
  maxLength: 8,
});

describe.each(cases)('$protocol decoder', (c) => {
  it('never throws on random bytes and reports offsets in stream order', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        chunkSizes,
        (bytes, sizes) => {
          const outputs = decodeInChunks(c.protocol, bytes, sizes);
          let last = 0;
          for (const output of outputs) {
            // Outputs come in stream order.
            expect(output.offset).toBeGreaterThanOrEqual(last);
            expect(output.offset).toBeLessThan(Math.max(bytes.length, 1));
            last = output.offset;
          }
        },
      ),
    );
  });

  it('finds every frame between quiet noise and invents none in any noise', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 40 }), c.frame), {
          minLength: 1,
          maxLength: 5,
        }),
        chunkSizes,
        fc.boolean(),
        (parts, sizes, quietNoise) => {
          const noise = (bytes: Uint8Array) =>
            quietNoise ? bytes.filter(c.quiet) : bytes;
          const stream = concatBytes(
            ...parts.flatMap(([junk, frame]) => [noise(junk), frame]),
          );
          const sent = parts.flatMap(([, frame]) =>
            itemsOf(alone(c.protocol, frame)),
          );
          const decoded = itemsOf(decodeInChunks(c.protocol, stream, sizes));
          expect(isSubset(decoded, sent)).toBe(true);
          if (quietNoise) expect(decoded.length).toBe(sent.length);
        },
      ),
    );
  });

  it('invents nothing from a truncated stream', () => {
    fc.assert(
      fc.property(
        fc.array(c.frame, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (frames, cut) => {
          const stream = concatBytes(...frames);
          const sent = frames.flatMap((frame) =>
            itemsOf(alone(c.protocol, frame)),
          );
          const truncated = stream.subarray(0, cut % (stream.length + 1));
          const decoded = itemsOf(decodeInChunks(c.protocol, truncated, [7]));
          expect(isSubset(decoded, sent)).toBe(true);
        },
      ),
    );
  });

  it('never passes on a frame with a flipped bit when a checksum guards it', () => {
    fc.assert(
      fc.property(
        fc.array(c.frame, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (frames, at, bit) => {
          const stream = concatBytes(...frames);
          const index = at % stream.length;
          stream[index] = (stream[index] ?? 0) ^ (1 << bit);
          const outputs = decodeInChunks(c.protocol, stream, [stream.length]);
          if (!c.checked) return;
          const sent = frames.flatMap((frame) =>
            itemsOf(alone(c.protocol, frame)),
          );
          expect(isSubset(itemsOf(outputs), sent)).toBe(true);
        },
      ),
    );
  });
});

describe.each(cases.filter((c) => c.protocol !== 'emit-250'))(
  '$protocol encoder',
  (c) => {
    it('decodes what it encodes to the same passing', () => {
      fc.assert(
        fc.property(c.frame, (frame) => {
          for (const passing of passingsOf(alone(c.protocol, frame))) {
            const bytes = encodePassing(passing);
            expect(bytes).toBeDefined();
            const again = passingsOf(alone(c.protocol, bytes ?? frame));
            expect(again.map(identityOf)).toEqual([identityOf(passing)]);
          }
        }),
      );
    });
  },
);
