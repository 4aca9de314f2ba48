import { describe, expect, it } from 'vitest';
import { timyCommand } from '../../../shared/timing/alge/timyLine';
import { createDecoder } from '../../../shared/timing/decoders';
import { mtrSetClock, mtrStatus } from '../../../shared/timing/emit/mtr4';
import type { DecoderOutput } from '../../../shared/timing/passing';
import {
  readBackupMemory,
  setStationTime,
} from '../../../shared/timing/sportident/commands';
import { TIMY_MEMORY_DUMP } from '../timyDriver';
import { createDeviceModel } from './createDeviceModel';
import { damaged, truncated } from './faults';

const decodeAll = (
  protocol: Parameters<typeof createDecoder>[0],
  bytes: Uint8Array[],
) => {
  const decoder = createDecoder(protocol);
  const outputs: DecoderOutput[] = [];
  for (const chunk of bytes) outputs.push(...decoder.push(chunk, Date.now()));
  outputs.push(...decoder.flush(Number.POSITIVE_INFINITY));
  return outputs;
};

describe('simulated devices', () => {
  it('send what the shared decoders read back as the same passing', () => {
    for (const protocol of ['sportident', 'emit-mtr4', 'alge-timy'] as const) {
      const model = createDeviceModel(protocol);
      const reads = Array.from({ length: 5 }, () => model.next());
      const passings = decodeAll(
        protocol,
        reads.flatMap((read) => read.frames),
      ).filter((output) => output.kind === 'passing');
      expect(passings.map((p) => [p.chip, p.bib, p.station, p.time])).toEqual(
        reads.map(({ passing: p }) => [p.chip, p.bib, p.station, p.time]),
      );
    }
  });

  it('clears a SportIdent station memory on reset and starts at address 0', () => {
    const model = createDeviceModel('sportident');
    model.next();
    model.next();
    model.reset();
    expect(model.next().passing.extra.memoryAddress).toBe(0);
    const answer = model.hear(readBackupMemory(0, 128));
    const block = decodeAll('sportident', answer).find(
      (output) => output.kind === 'message',
    );
    expect(block).toMatchObject({ data: { address: 0, punches: 1 } });
  });

  it('restarts MTR4 package numbers on reset, as its status says', () => {
    const model = createDeviceModel('emit-mtr4');
    model.next();
    model.next();
    model.reset();
    expect(model.next().passing.extra.packageNumber).toBe(1);
    const status = decodeAll('emit-mtr4', model.hear(mtrStatus()));
    expect(status).toMatchObject([{ data: { recentPackage: 1 } }]);
  });

  it('turns Timy checksums on with CHK1 and dumps its memory marked m', () => {
    const model = createDeviceModel('alge-timy');
    model.hear(timyCommand('CHK1'));
    const read = model.next();
    const dump = model.hear(timyCommand(TIMY_MEMORY_DUMP));
    const [live] = decodeAll('alge-timy', read.frames);
    const [stored] = decodeAll('alge-timy', dump);
    expect(live).toMatchObject({
      extra: { checksum: true, fromMemory: false },
    });
    expect(stored).toMatchObject({
      bib: read.passing.bib,
      time: read.passing.time,
      extra: { checksum: true, fromMemory: true },
    });
  });

  it('keep the clock the host sets: answers and later passings follow it', () => {
    const station = createDeviceModel('sportident');
    station.next();
    const [answer] = decodeAll(
      'sportident',
      station.hear(
        setStationTime({
          year: 2026,
          month: 7,
          day: 1,
          dayOfWeek: 3,
          secondsOfDay: 15 * 3600,
          milliseconds: 0,
        }),
      ),
    );
    expect(answer).toMatchObject({
      type: 'si-station-time',
      data: { date: '2026-07-01', time: '15:00:00.000' },
    });
    // The next punch comes 1.237 s of simulated time later.
    expect(station.next().passing.time).toBe('15:00:01.234');

    const mtr = createDeviceModel('emit-mtr4');
    mtr.next();
    expect(
      mtr.hear(
        mtrSetClock({ year: 2026, month: 7, day: 1, secondsOfDay: 15 * 3600 }),
      ),
    ).toEqual([]);
    expect(mtr.next().passing).toMatchObject({
      time: '15:00:01.237',
      extra: { date: '2026-07-01' },
    });
  });

  it('damaged and cut frames never decode as passings', () => {
    for (const protocol of ['sportident', 'emit-mtr4', 'emit-250'] as const) {
      const model = createDeviceModel(protocol);
      const [frame] = model.next().frames;
      if (!frame) throw new Error('no frame');
      const outputs = decodeAll(protocol, [damaged(frame), truncated(frame)]);
      expect(outputs.filter((o) => o.kind === 'passing')).toEqual([]);
      expect(outputs.some((o) => o.kind === 'bad-frame')).toBe(true);
    }
  });
});
