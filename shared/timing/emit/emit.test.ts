import { describe, expect, it } from 'vitest';
import type { DeviceMessage } from '../passing';
import { hex } from '../sportident/frame';
import { bytesOf, concatBytes, decodeAll, passingsOf } from '../testing/bytes';
import { createEmit250Decoder, EMIT_XOR, encodeEcard250 } from './emit250';
import {
  createMtr4Decoder,
  encodeMtrReading,
  mtrClear,
  mtrGetPackage,
  mtrNewSession,
  mtrSetClock,
  mtrSpoolAll,
  mtrSpoolFrom,
  mtrStatus,
} from './mtr4';

const sumMod256 = (bytes: Uint8Array, from: number, to: number) =>
  bytes.subarray(from, to).reduce((sum, byte) => (sum + byte) & 0xff, 0);

const textBytes = (text: string, width: number) =>
  Uint8Array.from(text.padEnd(width, ' '), (char) => char.charCodeAt(0));

/**
 * An Emit 250 package built field by field from the 250 protocol
 * description (Emit, 11.2.94), before the XOR with 0xDF.
 */
const plain250 = () => {
  const plain = new Uint8Array(217);
  plain.set([0xff, 0xff], 0);
  plain.set([0x40, 0xe2, 0x01], 2); // card 123456 = 0x01E240, LSB first
  plain[6] = 12; // production week
  plain[7] = 98; // production year
  // 0x40 + 0xE2 + 0x01 + 12 + 98 = 401 = 145 mod 256, so 256 - 145 = 111.
  plain[9] = 111;
  plain.set([0, 0x00, 0x00], 10); // start: code 0 at 0 s
  plain.set([31, 0xa8, 0x00], 13); // code 31 at 168 s
  plain.set([100, 0x58, 0x02], 16); // code 100 at 600 s
  plain.set([250, 0xd2, 0x04], 19); // code 250 (finish) at 1234 s
  plain.set(textBytes('EMIT EPT SYS VER 2', 32), 160);
  plain.set(textBytes('', 24), 192);
  plain[216] = (256 - sumMod256(plain, 0, 216)) % 256;
  return plain;
};

const wire250 = () => plain250().map((byte) => byte ^ EMIT_XOR);

const card250 = {
  chip: 123456,
  productionWeek: 12,
  productionYear: 98,
  controls: [
    { code: 0, seconds: 0 },
    { code: 31, seconds: 168 },
    { code: 100, seconds: 600 },
    { code: 250, seconds: 1234 },
  ],
  text: 'EMIT EPT SYS VER 2',
};

const readouts = (outputs: ReturnType<typeof decodeAll>) =>
  outputs.filter(
    (output): output is DeviceMessage =>
      output.kind === 'message' && output.type === 'ecard-readout',
  );

describe('Emit 250 reader', () => {
  it('sends the package XOR 0xDF, header first', () => {
    // 0xFF ^ 0xDF = 0x20; 0x40 ^ 0xDF = 0x9F; ... 111 (0x6F) ^ 0xDF = 0xB0.
    expect(hex(wire250().subarray(0, 10))).toBe(
      '20 20 9f 3d de df d3 bd df b0',
    );
    expect(hex(encodeEcard250(card250))).toBe(hex(wire250()));
  });

  it('reads the card number, production date and controls', () => {
    const [readout] = readouts(decodeAll(createEmit250Decoder(), wire250()));
    expect(readout?.data).toEqual({
      chip: '123456',
      productionWeek: 12,
      productionYear: 98,
      controls: card250.controls,
      text: 'EMIT EPT SYS VER 2',
      display: ['', '', ''],
      repeat: 0,
    });
  });

  it('gives a passing at the time of arrival when it knows the time', () => {
    const decoder = createEmit250Decoder({
      station: 'finish',
      utcOffsetMinutes: () => 60,
    });
    const arrival = Date.UTC(2026, 11, 3, 10, 15, 30, 250);
    const [passing] = passingsOf(decodeAll(decoder, wire250(), arrival));
    expect(passing).toEqual(
      expect.objectContaining({
        chip: '123456',
        station: 'finish',
        time: '11:15:30.250',
      }),
    );
  });

  it('flags packages repeated while the card lies on the reader', () => {
    const decoder = createEmit250Decoder();
    const repeats = [0, 300, 600, 20_000].map((ms) => {
      const [readout] = readouts(decoder.push(wire250(), ms));
      return readout?.data.repeat;
    });
    expect(repeats).toEqual([0, 1, 2, 0]);
  });

  it('rejects a package with a bad checksum and reads the next one', () => {
    const broken = wire250();
    broken[15] = (broken[15] ?? 0) ^ 0x04;
    const outputs = decodeAll(
      createEmit250Decoder(),
      concatBytes(bytesOf('00 13'), broken, wire250()),
    );
    expect(readouts(outputs).map((readout) => readout.offset)).toEqual([
      2 + 217,
    ]);
    expect(outputs).toContainEqual(
      expect.objectContaining({
        kind: 'bad-frame',
        offset: 2,
        reason: 'checksum failed',
      }),
    );
  });
});

/**
 * An MTR4 'M' package built field by field from the MTR message
 * description (ttime.no rs232.pdf): no XOR, checksum = sum of all bytes
 * before it, then a NULL filler.
 */
const mtrMessage = () => {
  const bytes = new Uint8Array(234);
  bytes.set([0xff, 0xff, 0xff, 0xff, 230, 0x4d], 0);
  bytes.set([0xd2, 0x04], 6); // MTR id 1234
  bytes.set([26, 12, 3, 17, 5, 9], 8); // 2026-12-03 17:05:09
  bytes.set([0x00, 0x00], 14); // milliseconds (unused by MTR4)
  bytes.set([0x67, 0x12, 0x00, 0x00], 16); // package 4711
  bytes.set([0xb0, 0x2e, 0x03], 20); // card 208560 = 0x032EB0
  bytes.set([27, 14], 23); // production week, year
  // 0xB0 + 0x2E + 0x03 + 27 + 14 = 266 = 10 mod 256, so 256 - 10 = 246.
  bytes[25] = 246;
  bytes.set([0, 0, 0, 31, 0xa8, 0x00, 33, 0xd4, 0x01], 26);
  bytes.set(textBytes('Emit EPT V4.20', 56), 176);
  bytes[232] = sumMod256(bytes, 0, 232);
  bytes[233] = 0;
  return bytes;
};

const mtrStatusMessage = () => {
  const bytes = new Uint8Array(59);
  bytes.set([0xff, 0xff, 0xff, 0xff, 55, 0x53], 0);
  bytes.set([0xd2, 0x04], 6);
  bytes.set([26, 12, 3, 17, 5, 9], 8);
  bytes[16] = 1; // battery low
  bytes.set([0x67, 0x12, 0, 0], 17); // most recent package 4711
  bytes.set([1, 0, 0, 0], 21); // oldest package 1
  bytes.set([0x60, 0x12, 0, 0], 25); // session started at 4704
  bytes.set([10, 0, 0, 0], 29); // the session before at 10
  bytes[57] = sumMod256(bytes, 0, 57);
  return bytes;
};

describe('Emit MTR4', () => {
  it('turns an M package into a passing at the MTR clock time', () => {
    const passings = passingsOf(decodeAll(createMtr4Decoder(), mtrMessage()));
    expect(passings).toEqual([
      {
        kind: 'passing',
        protocol: 'emit-mtr4',
        offset: 0,
        chip: '208560',
        station: 1234,
        time: '17:05:09.000',
        extra: {
          date: '2026-12-03',
          packageNumber: 4711,
          productionWeek: 27,
          productionYear: 14,
          headSumOk: true,
          controls: [
            { code: 0, seconds: 0 },
            { code: 31, seconds: 168 },
            { code: 33, seconds: 468 },
          ],
          text: 'Emit EPT V4.20',
        },
      },
    ]);
  });

  it('encodes the same M package from a reading', () => {
    const encoded = encodeMtrReading({
      mtrId: 1234,
      date: '2026-12-03',
      secondsOfDay: 17 * 3600 + 5 * 60 + 9,
      ms: 0,
      packageNumber: 4711,
      chip: 208560,
      productionWeek: 27,
      productionYear: 14,
      controls: [
        { code: 0, seconds: 0 },
        { code: 31, seconds: 168 },
        { code: 33, seconds: 468 },
      ],
      text: 'Emit EPT V4.20',
    });
    expect(hex(encoded)).toBe(hex(mtrMessage()));
  });

  it('reads status packages with the package numbers to spool from', () => {
    const [status] = decodeAll(createMtr4Decoder(), mtrStatusMessage());
    expect(status).toEqual(
      expect.objectContaining({
        type: 'mtr-status',
        data: {
          mtrId: 1234,
          date: '2026-12-03',
          time: '17:05:09.000',
          batteryLow: true,
          recentPackage: 4711,
          oldestPackage: 1,
          currentSessionStart: 4704,
          previousSessionStarts: [10, 0, 0, 0, 0, 0, 0],
        },
      }),
    );
  });

  it('resynchronises on the preamble after noise and a broken package', () => {
    const broken = mtrMessage();
    broken[30] = (broken[30] ?? 0) ^ 0x10;
    const outputs = decodeAll(
      createMtr4Decoder(),
      concatBytes(bytesOf('ff ff 01'), broken, mtrMessage()),
    );
    expect(passingsOf(outputs).map((passing) => passing.offset)).toEqual([
      3 + 234,
    ]);
    expect(outputs).toContainEqual(
      expect.objectContaining({ offset: 3, reason: 'checksum failed' }),
    );
  });

  it('encodes host commands byte for byte', () => {
    expect(hex(mtrStatus())).toBe('2f 53 54');
    expect(hex(mtrSpoolAll())).toBe('2f 53 41');
    expect(hex(mtrSpoolFrom(4711))).toBe('2f 53 42 67 12 00 00');
    expect(hex(mtrGetPackage(258))).toBe('2f 47 42 02 01 00 00');
    expect(hex(mtrNewSession())).toBe('2f 4e 53');
    expect(hex(mtrClear())).toBe('2f 43 4c');
    expect(
      hex(
        mtrSetClock({
          year: 2026,
          month: 12,
          day: 3,
          secondsOfDay: 17 * 3600 + 5 * 60 + 9,
        }),
      ),
    ).toBe('2f 53 43 1a 0c 03 11 05 09');
  });
});
