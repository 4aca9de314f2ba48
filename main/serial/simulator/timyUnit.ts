// An ALGE Timy sending a time line per impulse, keeping every line in its
// memory and sending them all again (marked 'm') when asked.

import { encodeTimyLine } from '../../../shared/timing/alge/timyLine';
import type { Passing } from '../../../shared/timing/passing';
import { formatTimeOfDay } from '../../../shared/timing/timeOfDay';
import { TIMY_MEMORY_DUMP } from '../timyDriver';
import {
  type DeviceModel,
  joinBytes,
  type SimulatedRead,
  simulatedClockMs,
} from './deviceModel';

export const createTimyUnit = (): DeviceModel => {
  const memory: Passing[] = [];
  let checksum = false;
  let index = 0;
  let pending: Uint8Array = new Uint8Array(0);

  const line = (passing: Passing, fromMemory: boolean) =>
    encodeTimyLine({
      ...passing,
      extra: {
        ...passing.extra,
        info: fromMemory ? 'm' : ' ',
        checksum,
      },
    });

  const next = (): SimulatedRead => {
    index += 1;
    const ms = simulatedClockMs(index);
    // A Timy measures 1/10 000 s: the fourth digit comes from the index.
    const tenThousandths = (ms % 1000) * 10 + (index % 10);
    const passing: Passing = {
      kind: 'passing',
      protocol: 'alge-timy',
      offset: 0,
      bib: String((index % 9999) + 1),
      station: index % 2 === 0 ? 'c0' : 'c1',
      time: formatTimeOfDay(Math.floor(ms / 1000), tenThousandths, 4),
      extra: { resolutionDigits: 4, group: '00' },
    };
    memory.push(passing);
    return { passing, frames: [line(passing, false)] };
  };

  const command = (text: string): Uint8Array[] => {
    if (text === 'CHK1') checksum = true;
    if (text === 'CHK0') checksum = false;
    if (text === TIMY_MEMORY_DUMP) {
      return memory.map((passing) => line(passing, true));
    }
    return [];
  };

  const hear = (bytes: Uint8Array): Uint8Array[] => {
    const buf = joinBytes(pending, bytes);
    const answers: Uint8Array[] = [];
    let start = 0;
    for (let at = 0; at < buf.length; at++) {
      if (buf[at] !== 0x0d && buf[at] !== 0x0a) continue;
      const text = String.fromCharCode(...buf.subarray(start, at)).trim();
      answers.push(...command(text));
      start = at + 1;
    }
    pending = buf.slice(start);
    return answers;
  };

  return {
    protocol: 'alge-timy',
    next,
    hear,
    // A Timy keeps its memory through a power cycle.
    reset: () => undefined,
  };
};
