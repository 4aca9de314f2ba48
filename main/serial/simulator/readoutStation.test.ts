// The simulator as a SportIdent readout station: every card family it
// plays decodes back to its number and punches, and the desk's own device
// manager reads out a race of cards from it over a socat pty pair.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDecoder } from '../../../shared/timing/decoders';
import type { DecoderOutput } from '../../../shared/timing/passing';
import {
  readSi5,
  readSi6,
  readSi8Plus,
} from '../../../shared/timing/sportident/commands';
import { ACK } from '../../../shared/timing/sportident/frame';
import {
  openPassingJournal,
  type PassingJournal,
} from '../../journal/passingJournal';
import { createDeviceManager, type DeviceManager } from '../deviceManager';
import type { DeviceEvent } from '../deviceState';
import { createSocatPair, type SocatPair } from '../testing/socatPair';
import { readoutCard } from './readoutRace';
import type { SimulatedCardType } from './siCards';
import { type Simulator, startSimulator } from './simulatorRunner';
import { createSportidentStation } from './sportidentStation';

const decodedType: Record<SimulatedCardType, string> = {
  SI5: 'SI5',
  SI6: 'SI6',
  SI8: 'SI8',
  SI9: 'SI9',
  SI10: 'SI10+',
  SI11: 'SI10+',
  SIAC: 'SI10+',
};

const readCommand = (type: SimulatedCardType) =>
  type === 'SI5' ? readSi5() : type === 'SI6' ? readSi6(8) : readSi8Plus(8);

const hhmmss = (secondsOfDay: number) =>
  [
    Math.floor(secondsOfDay / 3600),
    Math.floor(secondsOfDay / 60) % 60,
    secondsOfDay % 60,
  ]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');

describe('readout station cards', () => {
  it('sends each family of the race in its own memory map, decoded back to number and punches', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 14; index++) {
      const card = readoutCard(index, 3);
      const type = card.cardType ?? 'SI8';
      const station = createSportidentStation();
      const decoder = createDecoder('sportident');
      const outputs: DecoderOutput[] = [
        ...decoder.push(station.insertCard(card), 0),
      ];
      expect(outputs[0]).toMatchObject({
        type: 'si-card-inserted',
        data: { chip: String(card.chip) },
      });
      for (const answer of station.hear(readCommand(type))) {
        outputs.push(...decoder.push(answer, 0));
      }
      const readout = outputs.find(
        (o) => o.kind === 'message' && o.type === 'si-card-readout',
      );
      expect(readout, `${type} ${card.chip}`).toMatchObject({
        data: { chip: String(card.chip), cardType: decodedType[type] },
      });
      const punches =
        readout?.kind === 'message' && Array.isArray(readout.data.punches)
          ? readout.data.punches
          : [];
      // SI5 keeps 12-hour times: the race's morning reads back the same.
      expect(punches).toEqual(
        card.punches.map((punch) =>
          expect.objectContaining({
            code: punch.code,
            time: `${hhmmss(punch.secondsOfDay)}.000`,
          }),
        ),
      );
      expect(card.punches.length).toBeGreaterThan(4);
      seen.add(type);
      // The wrong read command for the family is refused.
      const wrong = type === 'SI5' ? readSi8Plus(8) : readSi5();
      expect(station.hear(wrong)).toEqual([Uint8Array.of(0x15)]);
      // Acknowledged once read; taken off, a read is refused.
      station.hear(Uint8Array.of(ACK));
      expect(station.readouts()).toEqual({ read: 1, acknowledged: 1 });
      expect(station.removeCard()[1]).toBe(0xe7);
      expect(station.hear(readCommand(type))).toEqual([Uint8Array.of(0x15)]);
    }
    expect([...seen].sort()).toEqual(
      ['SI10', 'SI11', 'SI5', 'SI6', 'SI8', 'SI9', 'SIAC'].sort(),
    );
  });

  it('gives the same race for the same seed and another for another', () => {
    expect(readoutCard(5, 1)).toEqual(readoutCard(5, 1));
    expect(readoutCard(5, 1).punches).not.toEqual(readoutCard(5, 2).punches);
  });
});

let dir = '';
let pair: SocatPair | undefined;
let simulator: Simulator | undefined;
let manager: DeviceManager | undefined;
let journal: PassingJournal | undefined;

afterEach(async () => {
  await simulator?.stop();
  await manager?.stopAll();
  await journal?.close();
  await pair?.pullCable();
  simulator = undefined;
  manager = undefined;
  journal = undefined;
  pair = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

const waitUntil = async (check: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await sleep(50);
  return check();
};

describe('readout station on a serial line', () => {
  it('has its race read out by the desk driver: every card, its punches journaled', async () => {
    dir = await mkdtemp(join(tmpdir(), 'readout-'));
    pair = createSocatPair(dir);
    await pair.plugIn();
    journal = await openPassingJournal(dir);
    manager = createDeviceManager({ dataDir: dir, journal, pollMs: 60_000 });
    const events: DeviceEvent[] = [];
    manager.onEvent((event) => events.push(event));
    const cards = 9;
    simulator = startSimulator({
      path: pair.device,
      protocol: 'sportident',
      passings: cards,
      rate: 2,
      readout: true,
      seed: 4,
      startAfterMs: 500,
    });
    manager.watch({ id: 'readout', protocol: 'sportident', path: pair.host });
    const report = await simulator.finished;
    const readouts = () =>
      events.flatMap((event) =>
        event.type === 'readout' && event.punches.length > 0 ? [event] : [],
      );
    expect(await waitUntil(() => readouts().length === cards, 10_000)).toBe(
      true,
    );
    expect(report.cards).toHaveLength(cards);
    expect(report.cardsRead).toBe(cards);
    expect(report.cardsAcknowledged).toBe(cards);
    expect(
      readouts().map((r) => [r.chip, r.punches.map((p) => p.code)]),
    ).toEqual(
      report.cards.map((card) => [
        String(card.chip),
        card.punches.map((punch) => punch.code),
      ]),
    );
    expect(new Set(readouts().map((r) => r.cardType))).toEqual(
      new Set(['SI5', 'SI6', 'SI8', 'SI9', 'SI10+']),
    );
    const punches = report.cards.reduce((n, c) => n + c.punches.length, 0);
    expect(
      await waitUntil(
        () =>
          events.filter(
            (e) => e.type === 'passing' && e.record.source === 'readout',
          ).length === punches,
        5000,
      ),
    ).toBe(true);
  }, 40_000);
});
