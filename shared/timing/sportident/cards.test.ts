import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../passing';
import { concatBytes, decodeAll, messagesOf } from '../testing/bytes';
import { createSportidentDecoder } from './decoder';
import { encodeSiFrame } from './frame';

describe('SportIdent card readout', () => {
  it('reads an SI-Card 5 from its 0xB1 answer', () => {
    const card = new Uint8Array(128);
    // SI5 map: number in bytes 4-5 and series in 6; start 19-20, finish
    // 21-22, check 25-26, next-punch index 23, punches from 32 (3 bytes:
    // code, TH, TL), skipping the first byte of each 16-byte row.
    card.set([0x5b, 0xa0, 0x02], 4);
    card.set([0x27, 0x10], 19); // start 10000 s = 02:46:40
    card.set([0x27, 0x74], 21); // finish 10100 s
    card[23] = 3; // two punches
    card.set([0xee, 0xee], 25); // check not set
    card.set([31, 0x27, 0x1a], 33); // code 31 at 10010 s
    card.set([32, 0x27, 0x24], 36); // code 32 at 10020 s
    const frame = encodeSiFrame(0xb1, [0x00, 0x0a, ...card]);
    const [readout] = messagesOf(
      decodeAll(createSportidentDecoder(), frame),
      'si-card-readout',
    );
    expect(readout?.data).toEqual({
      station: 10,
      cardType: 'SI5',
      chip: '223456',
      twelveHour: true,
      start: '02:46:40.000',
      finish: '02:48:20.000',
      check: null,
      clear: null,
      punches: [
        { code: 31, time: '02:46:50.000' },
        { code: 32, time: '02:47:00.000' },
      ],
    });
  });

  it('assembles an SI9 card from blocks 0 and 1 of 0xEF answers', () => {
    const block0 = new Uint8Array(128);
    // SI8+ map: TD CN TH TL for check (8), start (12), finish (16); punch
    // count at 22; family at 24 (01 = SI9); number at 25-27; SI9 punches
    // from byte 56 as TD CN TH TL.
    block0.set([0x01, 0x00, 0x03, 0xc0], 8); // check pm, 960 s -> 12:16
    block0.set([0x01, 0x00, 0x07, 0x80], 12); // start 1920 s -> 12:32
    block0.set([0x01, 0x00, 0x0b, 0x40], 16); // finish 2880 s -> 12:48
    block0[22] = 1;
    block0.set([0x01, 0x0f, 0x42, 0x41], 24); // SI9 card 1 000 001
    block0.set([0x41, 0x2c, 0x09, 0xd8], 56); // code 300 (high bits 01), 12:42
    const block1 = new Uint8Array(128);
    const outputs = decodeAll(
      createSportidentDecoder(),
      concatBytes(
        encodeSiFrame(0xef, [0x00, 0x0a, 0, ...block0]),
        encodeSiFrame(0xef, [0x00, 0x0a, 1, ...block1]),
      ),
    );
    expect(messagesOf(outputs, 'si-card-block')).toHaveLength(2);
    const [readout] = messagesOf(outputs, 'si-card-readout');
    const data: JsonObject | undefined = readout?.data;
    expect(data).toEqual(
      expect.objectContaining({
        cardType: 'SI9',
        chip: '1000001',
        start: { code: 0, time: '12:32:00.000', dayOfWeek: 'sunday' },
        finish: { code: 0, time: '12:48:00.000', dayOfWeek: 'sunday' },
        punches: [{ code: 300, time: '12:42:00.000', dayOfWeek: 'sunday' }],
      }),
    );
  });

  it('assembles SI6 blocks 0, 6, 7 and SI10 blocks 0, 4..7 in that order', () => {
    // SI6 map: number at 11-13, punch count at 18, finish 20, start 24,
    // check 28, clear 32; punches start in block 6 (TD CN TH TL).
    const si6Block0 = new Uint8Array(128);
    si6Block0.set([0x07, 0xa1, 0x20], 11); // card 500 000
    si6Block0[18] = 1;
    si6Block0.set([0x00, 0x00, 0x00, 0x3c], 24); // start 00:01:00
    si6Block0.set([0x00, 0x00, 0xee, 0xee], 20); // no finish
    const si6Block6 = new Uint8Array(128);
    si6Block6.set([0x00, 0x21, 0x00, 0x78], 0); // code 33 at 00:02:00
    // SI10+: family 0F at 24, card 7 123456 at 25-27, punches in block 4.
    const si10Block0 = new Uint8Array(128);
    si10Block0[22] = 1;
    si10Block0.set([0x0f, 0x6c, 0xb2, 0x00], 24);
    const si10Block4 = new Uint8Array(128);
    si10Block4.set([0x01, 0x22, 0x00, 0xb4], 0); // code 34 at 12:03:00
    const empty = new Uint8Array(128);
    const outputs = decodeAll(
      createSportidentDecoder(),
      concatBytes(
        encodeSiFrame(0xe1, [0, 1, 0, ...si6Block0]),
        encodeSiFrame(0xe1, [0, 1, 6, ...si6Block6]),
        encodeSiFrame(0xe1, [0, 1, 7, ...empty]),
        encodeSiFrame(0xef, [0, 1, 0, ...si10Block0]),
        ...[4, 5, 6].map((block) =>
          encodeSiFrame(0xef, [
            0,
            1,
            block,
            ...(block === 4 ? si10Block4 : empty),
          ]),
        ),
      ),
    );
    // SI10 block 7 never came: no readout for it yet.
    const readoutsSoFar = messagesOf(outputs, 'si-card-readout');
    expect(readoutsSoFar.map((m) => [m.data.cardType, m.data.chip])).toEqual([
      ['SI6', '500000'],
    ]);
    expect(readoutsSoFar[0]?.data).toEqual(
      expect.objectContaining({
        start: { code: 0, time: '00:01:00.000', dayOfWeek: 'sunday' },
        finish: null,
        punches: [{ code: 33, time: '00:02:00.000', dayOfWeek: 'sunday' }],
      }),
    );
    const decoder = createSportidentDecoder();
    decoder.push(
      concatBytes(
        encodeSiFrame(0xef, [0, 1, 0, ...si10Block0]),
        encodeSiFrame(0xef, [0, 1, 4, ...si10Block4]),
        encodeSiFrame(0xef, [0, 1, 5, ...empty]),
        encodeSiFrame(0xef, [0, 1, 6, ...empty]),
      ),
    );
    const [si10] = messagesOf(
      decoder.push(encodeSiFrame(0xef, [0, 1, 7, ...empty])),
      'si-card-readout',
    );
    expect(si10?.data).toEqual(
      expect.objectContaining({
        cardType: 'SI10+',
        chip: '7123456',
        punches: [{ code: 34, time: '12:03:00.000', dayOfWeek: 'sunday' }],
      }),
    );
  });
});
