// An Emit 250 reader: sends the card's package while the card lies on it
// (three times here), keeps no memory and takes no commands.

import { encodeEcard250 } from '../../../shared/timing/emit/emit250';
import type { Passing } from '../../../shared/timing/passing';
import type { DeviceModel, SimulatedRead } from './deviceModel';

const copies = 3;

export const createEmit250Reader = (): DeviceModel => {
  let index = 0;
  const next = (): SimulatedRead => {
    index += 1;
    const chip = 100_000 + index;
    const frame = encodeEcard250({
      chip,
      productionWeek: 10,
      productionYear: 20,
      controls: [
        { code: 0, seconds: 0 },
        { code: 31, seconds: 60 + (index % 600) },
      ],
    });
    // The reader sends no clock: the time is when the host receives it.
    const passing: Passing = {
      kind: 'passing',
      protocol: 'emit-250',
      offset: 0,
      chip: String(chip),
      station: 'emit-250',
      time: '',
      extra: {},
    };
    return { passing, frames: Array.from({ length: copies }, () => frame) };
  };
  return { protocol: 'emit-250', next, hear: () => [], reset: () => undefined };
};
