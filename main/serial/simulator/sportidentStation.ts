// A SportIdent BSF/BSM station in extended protocol, autosend on: punches
// go out as 0xD3 records and into an 8-byte-per-record backup memory that
// the host reads with 0x81.

import type { Passing } from '../../../shared/timing/passing';
import { encodeSiPunch } from '../../../shared/timing/sportident/commands';
import {
  encodeSiFrame,
  NAK,
  scanSiFrame,
} from '../../../shared/timing/sportident/frame';
import {
  encodeTd,
  siTimeOfDay,
} from '../../../shared/timing/sportident/siTime';
import {
  type DeviceModel,
  joinBytes,
  type SimulatedRead,
  simulatedClockMs,
} from './deviceModel';

const station = 31;
const memoryBytes = 0x20000;
const date = { year: 2026, month: 6, day: 14 };

export const createSportidentStation = (): DeviceModel => {
  const memory = new Uint8Array(memoryBytes);
  let pointer = 0;
  let index = 0;
  let pending: Uint8Array = new Uint8Array(0);

  const clock = (ms: number) => {
    const seconds = Math.floor(ms / 1000);
    return {
      pm: seconds >= 43_200,
      seconds12: seconds % 43_200,
      tss: Math.floor(((ms % 1000) * 256) / 1000),
    };
  };

  const next = (): SimulatedRead => {
    index += 1;
    const { pm, seconds12, tss } = clock(simulatedClockMs(index));
    const chip = 500_000 + ((index * 7_919) % 1_000_000);
    const address = pointer;
    memory.set(
      [
        (chip >> 16) & 0xff,
        (chip >> 8) & 0xff,
        chip & 0xff,
        ((date.year - 2000) << 2) | (date.month >> 2),
        ((date.month & 3) << 6) | (date.day << 1) | (pm ? 1 : 0),
        seconds12 >> 8,
        seconds12 & 0xff,
        tss,
      ],
      address,
    );
    pointer = (pointer + 8) % memoryBytes;
    const passing: Passing = {
      kind: 'passing',
      protocol: 'sportident',
      offset: 0,
      chip: String(chip),
      station,
      time: siTimeOfDay(seconds12, pm, tss),
      extra: { memoryAddress: address, subSecond256: tss, dayOfWeek: 'sunday' },
    };
    const frame = encodeSiPunch(passing);
    return { passing, frames: frame ? [frame] : [] };
  };

  const stationTime = (command: number) => {
    const { pm, seconds12, tss } = clock(simulatedClockMs(index));
    return encodeSiFrame(command, [
      0,
      station,
      date.year - 2000,
      date.month,
      date.day,
      encodeTd({ pm, dayOfWeek: 0, weekCounter: 0 }),
      seconds12 >> 8,
      seconds12 & 0xff,
      tss,
    ]);
  };

  const answer = (frame: Uint8Array): Uint8Array => {
    const command = frame[1] ?? 0;
    const data = frame.subarray(3, frame.length - 3);
    switch (command) {
      case 0xf0:
        return encodeSiFrame(0xf0, [0, station, data[0] ?? 0x4d]);
      case 0x81: {
        const address =
          ((data[0] ?? 0) << 16) | ((data[1] ?? 0) << 8) | (data[2] ?? 0);
        const count = Math.min(128, data[3] ?? 0);
        const bytes = new Uint8Array(count);
        bytes.set(
          memory.subarray(address, Math.min(address + count, memoryBytes)),
        );
        return encodeSiFrame(0x81, [
          0,
          station,
          ...data.subarray(0, 3),
          ...bytes,
        ]);
      }
      case 0xf6:
      case 0xf7:
        return stationTime(command);
      case 0x83: {
        const count = Math.min(128, data[1] ?? 0);
        return encodeSiFrame(0x83, [
          0,
          station,
          data[0] ?? 0,
          ...new Uint8Array(count),
        ]);
      }
      default:
        return Uint8Array.of(NAK);
    }
  };

  const hear = (bytes: Uint8Array): Uint8Array[] => {
    const buf = joinBytes(pending, bytes);
    const answers: Uint8Array[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const scan = scanSiFrame(buf, pos, buf.length);
      if (scan.type === 'partial') break;
      if (scan.type === 'frame' && scan.length > 1) {
        answers.push(answer(buf.subarray(pos, pos + scan.length)));
        pos += scan.length;
      } else {
        pos += 1;
      }
    }
    pending = buf.slice(pos);
    return answers;
  };

  return {
    protocol: 'sportident',
    next,
    hear,
    reset: () => {
      memory.fill(0);
      pointer = 0;
    },
  };
};
