import type { DecoderOutput, JsonObject, Passing } from '../passing';
import { formatTimeOfDay } from '../timeOfDay';
import { decodeSiCardNumber } from './cardNumber';
import { dayName, decodeTd, SI_NO_TIME, siTimeOfDay } from './siTime';

const protocol = 'sportident';

export const u16 = (data: Uint8Array, at: number) =>
  ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);

export const u24 = (data: Uint8Array, at: number) =>
  ((data[at] ?? 0) << 16) | u16(data, at + 1);

export const message = (
  offset: number,
  type: string,
  data: JsonObject,
): DecoderOutput => ({ kind: 'message', protocol, offset, type, data });

export const malformed = (
  offset: number,
  length: number,
  reason: string,
): DecoderOutput => ({ kind: 'bad-frame', protocol, offset, length, reason });

/**
 * 0xD3 transmit record (autosend punch), DATA = CN1 CN0 SI3 SI2 SI1 SI0 TD
 * TH TL TSS MEM2 MEM1 MEM0: station code, card, time data byte, 12-hour
 * seconds, 1/256 s, and where the punch sits in the station's backup memory.
 */
export const decodeTransmitRecord = (
  data: Uint8Array,
  offset: number,
): DecoderOutput => {
  if (data.length < 13) {
    return malformed(offset, data.length + 6, 'punch shorter than 13 bytes');
  }
  const station = u16(data, 0);
  const chip = decodeSiCardNumber(
    data[2] ?? 0,
    data[3] ?? 0,
    data[4] ?? 0,
    data[5] ?? 0,
  );
  const td = decodeTd(data[6] ?? 0);
  const seconds = u16(data, 7);
  const tss = data[9] ?? 0;
  const memoryAddress = u24(data, 10);
  if (seconds === SI_NO_TIME) {
    return message(offset, 'si-punch-without-time', {
      station,
      chip: String(chip),
      memoryAddress,
    });
  }
  if (seconds >= 43_200) {
    return malformed(offset, data.length + 6, 'punch time beyond 12 hours');
  }
  return {
    kind: 'passing',
    protocol,
    offset,
    chip: String(chip),
    station,
    time: siTimeOfDay(seconds, td.pm, tss),
    extra: {
      subSecond256: tss,
      dayOfWeek: dayName(td.dayOfWeek),
      weekCounter: td.weekCounter,
      memoryAddress,
      cardSeries: data[2] ?? 0,
    },
  } satisfies Passing;
};

/** 0xE5/E6/E8 card inserted, 0xE7 removed: CN1 CN0 SI3 SI2 SI1 SI0. */
export const decodeCardDetection = (
  command: number,
  data: Uint8Array,
  offset: number,
): DecoderOutput => {
  if (data.length < 6) return malformed(offset, data.length + 6, 'short');
  const chip = decodeSiCardNumber(
    data[2] ?? 0,
    data[3] ?? 0,
    data[4] ?? 0,
    data[5] ?? 0,
  );
  const family: Record<number, string> = {
    229: 'SI5',
    230: 'SI6',
    232: 'SI8+',
  };
  return command === 0xe7
    ? message(offset, 'si-card-removed', {
        station: u16(data, 0),
        chip: String(chip),
      })
    : message(offset, 'si-card-inserted', {
        station: u16(data, 0),
        chip: String(chip),
        cardType: family[command] ?? 'unknown',
      });
};

/**
 * 0x81 backup memory: DATA = CN1 CN0 ADR2 ADR1 ADR0 then 8-byte records
 * SI2 SI1 SI0, YM (year-2000 in bits 7..2, month bits 3..2 in bits 1..0),
 * MDAP (month bits 1..0 in 7..6, day in 5..1, pm in 0), TH TL, TSS. The
 * record layout is the one BSF7/BSF8 stations use in extended mode.
 */
export const decodeBackupBlock = (
  data: Uint8Array,
  offset: number,
): DecoderOutput[] => {
  if (data.length < 5) return [malformed(offset, data.length + 6, 'short')];
  const station = u16(data, 0);
  const address = u24(data, 2);
  const out: DecoderOutput[] = [];
  const records = Math.floor((data.length - 5) / 8);
  for (let index = 0; index < records; index++) {
    const record = data.subarray(5 + index * 8, 13 + index * 8);
    const passing = backupRecord(record, station, address + index * 8, offset);
    if (passing) out.push(passing);
  }
  out.unshift(
    message(offset, 'si-backup-block', {
      station,
      address,
      records,
      punches: out.length,
    }),
  );
  return out;
};

const backupRecord = (
  record: Uint8Array,
  station: number,
  memoryAddress: number,
  offset: number,
): Passing | undefined => {
  const chipRaw = u24(record, 0);
  // Erased memory reads 0xFF; never-written memory reads 0x00.
  if (chipRaw === 0 || chipRaw === 0xffffff) return undefined;
  const ym = record[3] ?? 0;
  const mdap = record[4] ?? 0;
  const month = ((ym & 0x03) << 2) | (mdap >> 6);
  const day = (mdap >> 1) & 0x1f;
  const seconds = u16(record, 5);
  if (seconds >= 43_200 || month < 1 || month > 12 || day < 1) return undefined;
  const year = 2000 + (ym >> 2);
  const tss = record[7] ?? 0;
  return {
    kind: 'passing',
    protocol,
    offset,
    chip: String(
      decodeSiCardNumber(0, record[0] ?? 0, record[1] ?? 0, record[2] ?? 0),
    ),
    station,
    time: siTimeOfDay(seconds, (mdap & 1) === 1, tss),
    extra: {
      subSecond256: tss,
      date: `${year}-${pad2(month)}-${pad2(day)}`,
      memoryAddress,
      fromBackup: true,
    },
  };
};

const pad2 = (value: number) => String(value).padStart(2, '0');

/** 0xF6 set time / 0xF7 get time answers: CN1 CN0 YY MM DD TD TH TL TSS. */
export const decodeStationTime = (
  data: Uint8Array,
  offset: number,
): DecoderOutput => {
  if (data.length < 9) return malformed(offset, data.length + 6, 'short');
  const td = decodeTd(data[5] ?? 0);
  const seconds = u16(data, 6);
  return message(offset, 'si-station-time', {
    station: u16(data, 0),
    date: `${2000 + (data[2] ?? 0)}-${pad2(data[3] ?? 0)}-${pad2(data[4] ?? 0)}`,
    time:
      seconds < 43_200
        ? siTimeOfDay(seconds, td.pm, data[8] ?? 0)
        : formatTimeOfDay(0, 0),
    dayOfWeek: dayName(td.dayOfWeek),
  });
};
