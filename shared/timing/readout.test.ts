import { describe, expect, it } from 'vitest';
import { createEmit250Decoder, encodeEcard250 } from './emit/emit250';
import { createMtr4Decoder, encodeMtrReading } from './emit/mtr4';
import type { DecoderOutput, JsonObject } from './passing';
import { readoutPassings } from './readout';

const siReadout = (data: JsonObject) =>
  ({
    kind: 'message',
    protocol: 'sportident',
    offset: 7,
    type: 'si-card-readout',
    data,
  }) as DecoderOutput;

describe('card punches as passings', () => {
  it('gives each SI punch as a passing at its control with the card time', () => {
    const passings = readoutPassings(
      siReadout({
        cardType: 'SI8',
        chip: '2000123',
        punches: [
          { code: 31, time: '10:01:02.000', dayOfWeek: 'sunday' },
          { code: 300, time: '10:05:00.000', dayOfWeek: 'sunday' },
        ],
      }),
      '10:30:00.000',
    );
    expect(passings).toEqual([
      {
        kind: 'passing',
        protocol: 'sportident',
        offset: 7,
        chip: '2000123',
        station: 31,
        time: '10:01:02.000',
        extra: { readout: true, cardTime: '10:01:02.000', cardType: 'SI8' },
      },
      expect.objectContaining({ station: 300, time: '10:05:00.000' }),
    ]);
  });

  it('leaves out SI punches from another day than the read, but keeps a race past midnight', () => {
    const card = siReadout({
      cardType: 'SI10+',
      chip: '7000001',
      punches: [
        { code: 31, time: '10:00:00.000', dayOfWeek: 'saturday' },
        { code: 32, time: '23:50:00.000', dayOfWeek: 'saturday' },
        { code: 33, time: '00:05:00.000', dayOfWeek: 'sunday' },
        { code: 34, time: '00:06:00.000', dayOfWeek: 'unknown' },
      ],
    });
    const stations = (day: string, time: string) =>
      readoutPassings(card, { time, day }).map((p) => p.station);
    // Within the 24 hours before the read: all of them.
    expect(stations('sunday', '00:10:00.000')).toEqual([31, 32, 33, 34]);
    expect(stations('saturday', '23:55:00.000')).toEqual([31, 32, 34]);
    // A week-old card read at check-in on a Tuesday: none of its punches.
    expect(stations('tuesday', '09:00:00.000')).toEqual([34]);
  });

  it('puts an SI5 12-hour punch in the afternoon when it was read then', () => {
    const card = siReadout({
      cardType: 'SI5',
      chip: '123456',
      twelveHour: true,
      punches: [
        { code: 40, time: '02:30:00.000' },
        { code: 41, time: '11:59:00.000' },
      ],
    });
    const afternoon = readoutPassings(card, '14:35:00.000');
    expect(afternoon.map((p) => p.time)).toEqual([
      '14:30:00.000',
      '11:59:00.000',
    ]);
    expect(afternoon[0]?.extra).toMatchObject({
      cardTime: '02:30:00.000',
      twelveHour: true,
    });
    // Read in the morning: the card's own times stand.
    const morning = readoutPassings(card, '03:00:00.000');
    expect(morning.map((p) => p.time)).toEqual([
      '02:30:00.000',
      '11:59:00.000',
    ]);
  });

  it('estimates Emit 250 control times from the read, once per card on the reader', () => {
    const decoder = createEmit250Decoder({ utcOffsetMinutes: () => 0 });
    const frame = encodeEcard250({
      chip: 123456,
      productionWeek: 10,
      productionYear: 20,
      controls: [
        { code: 0, seconds: 0 },
        { code: 31, seconds: 100 },
        { code: 32, seconds: 250 },
      ],
    });
    const readAt = Date.UTC(2026, 5, 14, 10, 0, 0, 400);
    const [first] = decoder.push(frame, readAt);
    const [again] = decoder.push(frame, readAt + 500);
    if (!first || !again) throw new Error('no readout');
    const passings = readoutPassings(first, '10:00:00.400');
    expect(
      passings.map((p) => [p.protocol, p.chip, p.station, p.time, p.extra]),
    ).toEqual([
      [
        'emit-250',
        '123456',
        31,
        '09:57:30.000',
        { readout: true, cardTime: 100, estimated: true },
      ],
      [
        'emit-250',
        '123456',
        32,
        '10:00:00.000',
        { readout: true, cardTime: 250, estimated: true },
      ],
    ]);
    expect(readoutPassings(again, '10:00:00.900')).toEqual([]);
    // Without a time of day (a capture file) there is nothing to anchor.
    expect(readoutPassings(first)).toEqual([]);
  });

  it('takes the MTR4 reading time for the last control', () => {
    const [reading] = createMtr4Decoder().push(
      encodeMtrReading({
        mtrId: 77,
        date: '2026-06-14',
        secondsOfDay: 36_000,
        ms: 250,
        packageNumber: 12,
        chip: 500123,
        productionWeek: 10,
        productionYear: 20,
        controls: [
          { code: 0, seconds: 0 },
          { code: 90, seconds: 60 },
          { code: 100, seconds: 1800 },
        ],
      }),
    );
    if (!reading) throw new Error('no reading');
    const passings = readoutPassings(reading);
    expect(passings.map((p) => [p.chip, p.station, p.time])).toEqual([
      ['500123', 90, '09:31:00.000'],
      ['500123', 100, '10:00:00.000'],
    ]);
    expect(passings.every((p) => p.extra.packageNumber === undefined)).toBe(
      true,
    );
    // A punch passing is not read out again.
    expect(passings.flatMap((p) => readoutPassings(p))).toEqual([]);
  });

  it('gives nothing for other messages and live punches', () => {
    expect(
      readoutPassings({
        kind: 'message',
        protocol: 'sportident',
        offset: 0,
        type: 'si-card-inserted',
        data: { chip: '1', station: 10 },
      }),
    ).toEqual([]);
    expect(
      readoutPassings({
        kind: 'passing',
        protocol: 'sportident',
        offset: 0,
        chip: '1',
        station: 31,
        time: '10:00:00.000',
        extra: {},
      }),
    ).toEqual([]);
  });
});
