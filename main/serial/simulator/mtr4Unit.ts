// An Emit MTR4: numbered 'M' packages for every card read, a ring buffer
// of them, and the host commands /ST /SA /SB /GB /SC /NS /CL.

import { putLe, sum8 } from '../../../shared/timing/emit/ecard';
import { encodeMtrReading } from '../../../shared/timing/emit/mtr4';
import type { Passing } from '../../../shared/timing/passing';
import { formatTimeOfDay } from '../../../shared/timing/timeOfDay';
import {
  type DeviceModel,
  joinBytes,
  type SimulatedRead,
  simulatedClockMs,
} from './deviceModel';

const mtrId = 77;
const dayMs = 86_400_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** Argument bytes after the three command characters. */
const argumentBytes: Record<string, number> = {
  ST: 0,
  SA: 0,
  NS: 0,
  CL: 0,
  SB: 4,
  GB: 4,
  SC: 6,
};

export type Mtr4Options = { log?: (text: string) => void };

export const createMtr4Unit = (options: Mtr4Options = {}): DeviceModel => {
  let date = '2026-06-14';
  // The unit's clock: the simulated one moved by the last '/SC'.
  let offsetMs = 0;
  const nowMs = () =>
    (((simulatedClockMs(index) + offsetMs) % dayMs) + dayMs) % dayMs;
  const packages = new Map<number, Uint8Array>();
  let nextNumber = 1;
  let sessionStart = 1;
  let index = 0;
  let pending: Uint8Array = new Uint8Array(0);

  const next = (): SimulatedRead => {
    index += 1;
    const ms = nowMs();
    const packageNumber = nextNumber;
    nextNumber += 1;
    const chip = 200_000 + index;
    const secondsOfDay = Math.floor(ms / 1000);
    const frame = encodeMtrReading({
      mtrId,
      date,
      secondsOfDay,
      ms: ms % 1000,
      packageNumber,
      chip,
      productionWeek: 10,
      productionYear: 20,
      controls: [
        { code: 0, seconds: 0 },
        { code: 90, seconds: index % 3600 },
      ],
    });
    packages.set(packageNumber, frame);
    const passing: Passing = {
      kind: 'passing',
      protocol: 'emit-mtr4',
      offset: 0,
      chip: String(chip),
      station: mtrId,
      time: formatTimeOfDay(secondsOfDay, ms % 1000),
      extra: { packageNumber, date },
    };
    return { passing, frames: [frame] };
  };

  const status = () => {
    const bytes = new Uint8Array(59);
    bytes.fill(0xff, 0, 4);
    bytes[4] = 55;
    bytes[5] = 0x53;
    putLe(bytes, 6, 2, mtrId);
    const ms = nowMs();
    const seconds = Math.floor(ms / 1000);
    const [year = 2026, month = 6, day = 14] = date.split('-').map(Number);
    bytes.set(
      [
        year % 100,
        month,
        day,
        Math.floor(seconds / 3600),
        Math.floor(seconds / 60) % 60,
      ],
      8,
    );
    bytes[13] = seconds % 60;
    putLe(bytes, 14, 2, ms % 1000);
    const numbers = [...packages.keys()];
    putLe(bytes, 17, 4, nextNumber - 1);
    putLe(bytes, 21, 4, numbers.length ? Math.min(...numbers) : 0);
    putLe(bytes, 25, 4, sessionStart);
    bytes[57] = sum8(bytes, 0, 57);
    bytes[58] = 0;
    return bytes;
  };

  const from = (first: number) =>
    [...packages.entries()]
      .filter(([number]) => number >= first)
      .sort(([a], [b]) => a - b)
      .map(([, frame]) => frame);

  const clear = () => {
    packages.clear();
    nextNumber = 1;
    sessionStart = 1;
  };

  const run = (name: string, args: Uint8Array): Uint8Array[] => {
    const number =
      (args[0] ?? 0) +
      (args[1] ?? 0) * 256 +
      (args[2] ?? 0) * 65_536 +
      (args[3] ?? 0) * 16_777_216;
    switch (name) {
      case 'ST':
        return [status()];
      case 'SA':
        return from(0);
      case 'SB':
        return from(number);
      case 'GB': {
        const found = packages.get(number);
        return found ? [found] : [];
      }
      case 'NS':
        sessionStart = nextNumber;
        return [];
      case 'SC': {
        // YY MM DD hh mm ss: no answer; the next status shows the clock.
        const [yy = 0, mo = 1, dd = 1, hh = 0, mi = 0, ss = 0] = args;
        offsetMs = (hh * 3600 + mi * 60 + ss) * 1000 - simulatedClockMs(index);
        date = `${2000 + yy}-${pad(mo)}-${pad(dd)}`;
        options.log?.(`clock set to ${date} ${pad(hh)}:${pad(mi)}:${pad(ss)}`);
        return [];
      }
      case 'CL':
        clear();
        return [];
      default:
        return [];
    }
  };

  const hear = (bytes: Uint8Array): Uint8Array[] => {
    const buf = joinBytes(pending, bytes);
    const answers: Uint8Array[] = [];
    let pos = 0;
    while (pos < buf.length) {
      if (buf[pos] !== 0x2f) {
        pos += 1;
        continue;
      }
      if (buf.length - pos < 3) break;
      const name = String.fromCharCode(buf[pos + 1] ?? 0, buf[pos + 2] ?? 0);
      const size = argumentBytes[name];
      if (size === undefined) {
        pos += 1;
        continue;
      }
      if (buf.length - pos < 3 + size) break;
      answers.push(...run(name, buf.subarray(pos + 3, pos + 3 + size)));
      pos += 3 + size;
    }
    pending = buf.slice(pos);
    return answers;
  };

  return { protocol: 'emit-mtr4', next, hear, reset: clear };
};
