import { describe, expect, it } from 'vitest';
import { bytesOf, concatBytes, decodeAll, passingsOf } from '../testing/bytes';
import { decodeSiCardNumber, encodeSiCardNumber } from './cardNumber';
import {
  encodeSiPunch,
  getStationTime,
  getSystemValue,
  readBackupMemory,
  readSi5,
  readSi6,
  readSi8Plus,
  setMsMode,
  setStationTime,
} from './commands';
import { siCrc } from './crc';
import { createSportidentDecoder } from './decoder';
import { encodeSiFrame, hex } from './frame';

// Autosend punch (0xD3), DATA per the programmer's guide "transmit record":
// CN 00 1F (station 31), SI 00 02 5B A0 (SI5 series 2, number 0x5BA0 =
// 23456 -> card 223456), TD 05 (pm, day 2 = Tuesday), TH TL 18 BA (6330 s =
// 1:45:30 -> 13:45:30), TSS 80 (128/256 s), MEM 00 12 34. CRC 47 82 computed
// with the guide's reference routine (checked below against its example).
const punchFrame = bytesOf(
  '02 d3 0d 00 1f 00 02 5b a0 05 18 ba 80 00 12 34 47 82 03',
);

// The same for an SI10 card 7 123456 (0x6CB200, SI3 = 0x0F family byte),
// TD 0A (am, Friday), 00 3C = 00:01:00, TSS 00. CRC 47 EF as above.
const si10PunchFrame = bytesOf(
  '02 d3 0d 00 20 0f 6c b2 00 0a 00 3c 00 00 12 3c 47 ef 03',
);

describe('SportIdent CRC', () => {
  it('matches the example in the PC programmer guide', () => {
    // Guide, chapter "CRC": 53 00 05 01 0F B5 00 00 1E 08 -> 2C 12.
    const data = bytesOf('53 00 05 01 0f b5 00 00 1e 08');
    expect(siCrc(data)).toBe(0x2c12);
  });

  it('returns two-byte input unchanged, as the reference routine does', () => {
    expect(siCrc(bytesOf('b1 00'))).toBe(0xb100);
  });
});

describe('SportIdent card numbers', () => {
  it('prints SI5 numbers as series times 100 000 plus the number', () => {
    expect(decodeSiCardNumber(0, 0x02, 0x5b, 0xa0)).toBe(223456);
    expect(decodeSiCardNumber(0, 0x04, 0x5b, 0xa0)).toBe(423456);
    // Series 0 and 1 print the bare number.
    expect(decodeSiCardNumber(0, 0x01, 0x5b, 0xa0)).toBe(23456);
    expect(decodeSiCardNumber(0, 0x00, 0x10, 0xe9)).toBe(4329);
  });

  it('reads SI6 and newer cards as 24 bits whatever the family byte', () => {
    expect(decodeSiCardNumber(0x0f, 0x6c, 0xb2, 0x00)).toBe(7123456);
    expect(decodeSiCardNumber(0x00, 0x07, 0xa1, 0x20)).toBe(500000);
  });

  it('encodes numbers back to the bytes a station sends', () => {
    for (const card of [1, 65000, 223456, 465535, 500000, 7123456]) {
      const [a, b, c, d] = encodeSiCardNumber(card);
      expect(decodeSiCardNumber(a, b, c, d)).toBe(card);
    }
  });
});

describe('SportIdent decoder', () => {
  it('turns an autosend punch into a passing with its extras', () => {
    const [passing, ...rest] = passingsOf(
      decodeAll(createSportidentDecoder(), punchFrame),
    );
    expect(rest).toEqual([]);
    expect(passing).toEqual({
      kind: 'passing',
      protocol: 'sportident',
      offset: 0,
      chip: '223456',
      station: 31,
      time: '13:45:30.500',
      extra: {
        subSecond256: 128,
        dayOfWeek: 'tuesday',
        weekCounter: 0,
        memoryAddress: 0x1234,
        cardSeries: 0,
      },
    });
  });

  it('finds a punch after wake-up bytes, a doubled STX and line noise', () => {
    const stream = concatBytes(
      bytesOf('ff 13 37 ff 02'),
      punchFrame,
      si10PunchFrame,
    );
    const outputs = decodeAll(createSportidentDecoder(), stream);
    const passings = passingsOf(outputs);
    expect(passings.map((p) => [p.chip, p.offset, p.time])).toEqual([
      ['223456', 5, '13:45:30.500'],
      ['7123456', 24, '00:01:00.000'],
    ]);
    const bad = outputs.filter((output) => output.kind === 'bad-frame');
    expect(bad).toEqual([
      expect.objectContaining({
        offset: 1,
        length: 2,
        reason: 'unframed bytes',
      }),
    ]);
  });

  it('rejects a frame whose CRC does not match and keeps scanning', () => {
    const corrupted = punchFrame.slice();
    corrupted[8] = 0xa1;
    const outputs = decodeAll(
      createSportidentDecoder(),
      concatBytes(corrupted, si10PunchFrame),
    );
    expect(passingsOf(outputs).map((p) => p.chip)).toEqual(['7123456']);
    expect(outputs[0]).toEqual(
      expect.objectContaining({
        kind: 'bad-frame',
        offset: 0,
        reason: 'CRC mismatch',
      }),
    );
  });

  it('decodes a frame split over many small reads', () => {
    const decoder = createSportidentDecoder();
    const outputs = Array.from(punchFrame).flatMap((byte, index) =>
      decoder.push(Uint8Array.of(byte), index),
    );
    expect(passingsOf(outputs).map((p) => p.chip)).toEqual(['223456']);
  });

  it('drops a partial frame after the longest frame time', () => {
    const decoder = createSportidentDecoder();
    expect(decoder.push(punchFrame.subarray(0, 10), 1000)).toEqual([]);
    expect(decoder.flush(1500)).toEqual([]);
    const dropped = decoder.flush(2000);
    expect(dropped[0]).toEqual(
      expect.objectContaining({
        kind: 'bad-frame',
        offset: 0,
        reason: 'incomplete frame timed out',
      }),
    );
    const after = decoder.push(si10PunchFrame, 2100);
    expect(passingsOf(after).map((p) => p.chip)).toEqual(['7123456']);
  });

  it('reports card insertion and removal', () => {
    // E5 (SI5 inserted) and E7 (removed): CN 00 0A, SI 00 02 5B A0.
    const stream = bytesOf(
      '02 e5 06 00 0a 00 02 5b a0 8e c4 03 02 e7 06 00 0a 00 02 5b a0 ae c8 03',
    );
    const outputs = decodeAll(createSportidentDecoder(), stream);
    expect(outputs.map((o) => (o.kind === 'message' ? o.data : o))).toEqual([
      { station: 10, chip: '223456', cardType: 'SI5' },
      { station: 10, chip: '223456' },
    ]);
  });

  it('reads backup memory records as passings with dates', () => {
    // 0x81 answer: CN 00 1F, address 00 01 00, then two 8-byte records:
    // 02 5B A0 (card 223456), YM 6B (2026, month high bits 11), MDAP 07
    // (month low bits 00 -> 12, day 3, pm), 39 75 (14709 s = 4:05:09 pm),
    // TSS 40; and an erased record (all FF), which is skipped.
    const frame = bytesOf(
      '02 81 15 00 1f 00 01 00 02 5b a0 6b 07 39 75 40 ' +
        'ff ff ff ff ff ff ff ff 89 3f 03',
    );
    const outputs = decodeAll(createSportidentDecoder(), frame);
    expect(outputs[0]).toEqual(
      expect.objectContaining({
        type: 'si-backup-block',
        data: { station: 31, address: 256, records: 2, punches: 1 },
      }),
    );
    expect(passingsOf(outputs)).toEqual([
      expect.objectContaining({
        chip: '223456',
        station: 31,
        time: '16:05:09.250',
        extra: {
          subSecond256: 64,
          date: '2026-12-03',
          memoryAddress: 256,
          fromBackup: true,
        },
      }),
    ]);
  });

  it('reads the station clock from a get-time answer', () => {
    // 0xF7 answer: CN 00 0A then YY MM DD TD TH TL TSS as set-time sends.
    const frame = encodeSiFrame(
      0xf7,
      [0, 10, 26, 12, 3, 0x09, 0x47, 0x85, 0x80],
    );
    const [answer] = decodeAll(createSportidentDecoder(), frame);
    expect(answer).toEqual(
      expect.objectContaining({
        type: 'si-station-time',
        data: {
          station: 10,
          date: '2026-12-03',
          time: '17:05:09.500',
          dayOfWeek: 'thursday',
        },
      }),
    );
  });

  it('reports base-protocol frames without their DLE stuffing', () => {
    // Base protocol: bytes below 0x20 in DATA are sent after DLE (0x10).
    const frame = bytesOf('02 53 10 02 41 10 03 42 03');
    const [output] = decodeAll(createSportidentDecoder(), frame);
    expect(output).toEqual(
      expect.objectContaining({
        type: 'si-base-frame',
        data: { command: 0x53, data: '02 41 03 42' },
      }),
    );
  });
});

describe('SportIdent host commands', () => {
  it('encodes the commands byte for byte', () => {
    // Each is 0xFF wake-up, STX, CMD, LEN, DATA, CRC (reference routine), ETX.
    expect(hex(setMsMode('direct'))).toBe('ff 02 f0 01 4d 6d 0a 03');
    expect(hex(setMsMode('remote'))).toBe('ff 02 f0 01 53 73 0a 03');
    expect(hex(getSystemValue(0x74, 1))).toBe('ff 02 83 02 74 01 04 14 03');
    expect(hex(readBackupMemory(0x100, 0x80))).toBe(
      'ff 02 81 04 00 01 00 80 fa 7f 03',
    );
    expect(hex(readSi5())).toBe('ff 02 b1 00 b1 00 03');
    expect(hex(getStationTime())).toBe('ff 02 f7 00 f7 00 03');
    expect(hex(readSi6(8))).toBe('ff 02 e1 01 08 4e 0a 03');
    expect(hex(readSi8Plus(0))).toBe('ff 02 ef 01 00 e2 09 03');
    // 2026-12-03, Thursday (4), 17:05:09.500: TD 09 (pm | 4 << 1), 5:05:09 =
    // 18309 s = 47 85, TSS 0x80.
    expect(
      hex(
        setStationTime({
          year: 2026,
          month: 12,
          day: 3,
          dayOfWeek: 4,
          secondsOfDay: 17 * 3600 + 5 * 60 + 9,
          milliseconds: 500,
        }),
      ),
    ).toBe('ff 02 f6 07 1a 0c 03 09 47 85 80 7a f1 03');
  });

  it('encodes a passing into the punch frame a station would send', () => {
    const [passing] = passingsOf(
      decodeAll(createSportidentDecoder(), punchFrame),
    );
    expect(passing && hex(encodeSiPunch(passing) ?? [])).toBe(hex(punchFrame));
  });
});
