import { describe, expect, it } from 'vitest';
import { createSportidentDecoder } from './sportident/decoder';
import { encodeSiFrame } from './sportident/frame';
import { createStreamDecoder } from './streamDecoder';
import { bytesOf, concatBytes, decodeAll, passingsOf } from './testing/bytes';

// Station 31, card 223456, 13:45:30.500 (see sportident.test.ts).
const punch = bytesOf(
  '02 d3 0d 00 1f 00 02 5b a0 05 18 ba 80 00 12 34 47 82 03',
);

describe('stream decoder', () => {
  it('finds a real frame inside a false start that claims to be longer', () => {
    // STX, an extended command and LEN 0x20: the scanner waits for 38 bytes,
    // the CRC fails, and rescanning byte by byte finds the punch inside.
    const stream = concatBytes(
      bytesOf('02 d3 20 00'),
      punch,
      new Uint8Array(20),
    );
    const outputs = decodeAll(createSportidentDecoder(), stream);
    expect(passingsOf(outputs).map((p) => p.offset)).toEqual([4]);
    const bad = outputs.filter((output) => output.kind === 'bad-frame');
    expect(bad[0]).toEqual(expect.objectContaining({ offset: 0, length: 38 }));
    // Bytes inside the reported false start are not reported again.
    expect(bad.every((b) => b.offset === 0 || b.offset >= 38)).toBe(true);
  });

  it('times a partial frame from the arrival of its first byte', () => {
    const decoder = createSportidentDecoder();
    decoder.push(punch.subarray(0, 5), 0);
    decoder.push(punch.subarray(5, 10), 600);
    // 701 ms after the first byte: longer than a frame takes at 4 800 baud.
    const dropped = decoder.flush(701);
    expect(dropped).toEqual([
      expect.objectContaining({
        kind: 'bad-frame',
        offset: 0,
        length: 10,
        reason: 'incomplete frame timed out',
      }),
    ]);
  });

  it('keeps waiting for a slow frame that is still within its time', () => {
    const decoder = createSportidentDecoder();
    decoder.push(punch.subarray(0, 10), 0);
    expect(decoder.flush(650)).toEqual([]);
    const outputs = decoder.push(punch.subarray(10), 680);
    expect(passingsOf(outputs).map((p) => p.chip)).toEqual(['223456']);
  });

  it('throws away a stale partial frame before new bytes join it', () => {
    const decoder = createSportidentDecoder();
    decoder.push(punch.subarray(0, 8), 0);
    const outputs = decoder.push(punch, 5_000);
    expect(outputs[0]).toEqual(
      expect.objectContaining({ reason: 'incomplete frame timed out' }),
    );
    expect(passingsOf(outputs).map((p) => p.offset)).toEqual([8]);
  });

  it('keeps offsets counting across a buffer that has grown and moved', () => {
    const decoder = createSportidentDecoder();
    const frames = Array.from({ length: 300 }, () => punch);
    const stream = concatBytes(...frames);
    const offsets: number[] = [];
    for (let at = 0; at < stream.length; at += 333) {
      for (const passing of passingsOf(
        decoder.push(stream.subarray(at, at + 333), at),
      )) {
        offsets.push(passing.offset);
      }
    }
    expect(offsets).toEqual(frames.map((_, index) => index * punch.length));
  });

  it('reports an answer too short for its command and reads on', () => {
    // A 0xB1 SI5 answer must carry 130 bytes; a short one is reported.
    const outputs = decodeAll(
      createSportidentDecoder(),
      concatBytes(encodeSiFrame(0xb1, [0, 1, 2]), punch),
    );
    expect(outputs[0]).toEqual(
      expect.objectContaining({ kind: 'bad-frame', reason: 'short' }),
    );
    expect(passingsOf(outputs)).toHaveLength(1);
  });

  it('turns a decoder bug into a bad frame instead of stopping the line', () => {
    const decoder = createStreamDecoder({
      protocol: 'alge-timy',
      maxFrameMs: 100,
      scan: () => ({ type: 'frame', length: 1 }),
      decode: (frame, offset) => {
        if (frame[0] === 0x42) throw new Error('boom');
        return [
          {
            kind: 'message',
            protocol: 'alge-timy',
            offset,
            type: 'byte',
            data: { value: frame[0] ?? 0 },
          },
        ];
      },
    });
    const outputs = decoder.push(bytesOf('41 42 43'));
    expect(
      outputs.map((o) => (o.kind === 'bad-frame' ? o.reason : o.kind)),
    ).toEqual(['message', 'decoder error: boom', 'message']);
  });
});
