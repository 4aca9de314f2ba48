// The devices area end to end in Node: a simulated Timy on a socat pty
// pair, the device service and handlers over it. Passings reach the
// subscribed page; what the page never acknowledged comes back after a
// restart, and what it acknowledged does not.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import type { DeskEventName, DeskEvents } from '../../shared/contract/desk';
import type {
  CardReadout,
  JournaledPassing,
} from '../../shared/contract/devices';
import { startSimulator } from '../serial/simulator/simulatorRunner';
import { createSportidentStation } from '../serial/simulator/sportidentStation';
import { createSocatPair, type SocatPair } from '../serial/testing/socatPair';
import { createDeviceHandlers, deviceArgumentChecks } from './deviceHandlers';
import { type DeviceService, openDeviceService } from './deviceService';

const logger = createLogger({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const open = async (dataDir: string, now?: () => number) => {
  const service = await openDeviceService({
    dataDir,
    logger,
    ...(now ? { now } : {}),
  });
  cleanups.push(() => service.close());
  return service;
};

const subscribe = async (service: DeviceService) => {
  const handlers = createDeviceHandlers({ service });
  const passings: JournaledPassing[] = [];
  const readouts: CardReadout[] = [];
  const states: string[] = [];
  const emit = <E extends DeskEventName>(name: E, payload: DeskEvents[E]) => {
    if (name === 'devices:passing') {
      passings.push(payload as JournaledPassing);
    }
    if (name === 'devices:readout') readouts.push(payload as CardReadout);
    if (name === 'devices:status') {
      states.push(
        (payload as DeskEvents['devices:status']).snapshot.status.state,
      );
    }
  };
  const answer = await handlers['devices:subscribe']({}, emit);
  return { handlers, passings, readouts, states, answer };
};

const readoutsOf = (page: { readouts: CardReadout[] }, chip: string) =>
  page.readouts
    .filter((r) => r.chip === chip && r.punches)
    .map((r) => r.punches);

const waitFor = async (check: () => boolean, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const pair = async (dir: string): Promise<SocatPair> => {
  const socat = createSocatPair(dir);
  await socat.plugIn();
  cleanups.push(() => socat.pullCable());
  return socat;
};

describe('device handlers', () => {
  it('hands passings to the page and back again after a restart until acknowledged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'devices-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const socat = await pair(dir);
    const dataDir = join(dir, 'data');

    const first = await open(dataDir);
    const page = await subscribe(first);
    const watched = await page.handlers['devices:watch'](
      { id: 'finish', protocol: 'alge-timy', path: socat.host },
      () => undefined,
    );
    expect(watched.ok).toBe(true);
    await waitFor(() => page.states.includes('connected'));

    const simulator = startSimulator({
      path: socat.device,
      protocol: 'alge-timy',
      passings: 4,
      rate: 20,
    });
    cleanups.push(() => simulator.stop());
    await simulator.finished;
    await waitFor(() => page.passings.length === 4);

    // Result lines go to a connected device; an unknown one is refused.
    const line = new TextEncoder().encode('   1 c1 10:00:01.2340\r');
    expect(await first.send('finish', [line])).toEqual({
      ok: true,
      value: { lines: 1 },
    });
    expect(await first.send('board', [line])).toMatchObject({
      ok: false,
      error: { code: 'unknown-device' },
    });

    const [one, two] = page.passings;
    const acked = await page.handlers['devices:acknowledge'](
      { ids: [one?.id ?? '', two?.id ?? '', 'unknown'] },
      () => undefined,
    );
    expect(acked).toEqual({ ok: true, value: { acknowledged: 2 } });
    await simulator.stop();
    await first.close();

    // The device list survives the restart; the two unacknowledged return.
    const saved = JSON.parse(
      await readFile(join(dataDir, 'devices.json'), 'utf8'),
    );
    expect(saved).toEqual([
      { id: 'finish', protocol: 'alge-timy', path: socat.host },
    ]);
    const second = await open(dataDir);
    const again = await subscribe(second);
    const replayed = again.answer.ok ? again.answer.value.unacknowledged : [];
    expect(replayed.map((p) => p.key)).toEqual(
      page.passings.slice(2).map((p) => p.key),
    );
    expect(second.list().map((d) => d.setup.id)).toEqual(['finish']);
  }, 60_000);

  it('reads a card put on a SportIdent station: its number, then its punches as readout passings, once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'devices-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const socat = await pair(dir);
    // The station on the device end, answering what the desk asks.
    const station = createSportidentStation();
    const port = new SerialPort({
      path: socat.device,
      baudRate: 38_400,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) =>
      port.open((error) => (error ? reject(error) : resolve())),
    );
    cleanups.push(() => new Promise((resolve) => port.close(() => resolve())));
    const acks: number[] = [];
    port.on('data', (bytes: Buffer) => {
      if (bytes.includes(0x06)) acks.push(1);
      for (const answer of station.hear(bytes)) port.write(Buffer.from(answer));
    });
    const at = new Date(2026, 5, 20, 11, 0, 0, 0).getTime();
    const service = await open(join(dir, 'data'), () => at);
    const page = await subscribe(service);
    await page.handlers['devices:watch'](
      { id: 'reader', protocol: 'sportident', path: socat.host },
      () => undefined,
    );
    await waitFor(() => page.states.includes('connected'));

    const card = {
      chip: 2_000_123,
      punches: [
        { code: 31, secondsOfDay: 36_000 },
        { code: 32, secondsOfDay: 36_600 },
      ],
    };
    port.write(Buffer.from(station.insertCard(card)));
    const readout = () => page.readouts.find((r) => r.punches);
    await waitFor(() => readout() !== undefined);
    // The number first (pairing at check-in need not wait for the read).
    expect(page.readouts[0]).toMatchObject({
      device: 'reader',
      chip: '2000123',
    });
    expect(readout()).toMatchObject({
      chip: '2000123',
      cardType: 'SI8',
      punches: [
        { code: 31, time: '10:00:00.000' },
        { code: 32, time: '10:10:00.000' },
      ],
    });
    await waitFor(() => page.passings.length === 2);
    expect(
      page.passings.map((p) => [
        p.source,
        p.passing.chip,
        p.passing.station,
        p.passing.time,
      ]),
    ).toEqual([
      ['readout', '2000123', 31, '10:00:00.000'],
      ['readout', '2000123', 32, '10:10:00.000'],
    ]);
    await waitFor(() => acks.length > 0);

    // The same card read again: a readout, but no passing twice.
    port.write(Buffer.from(station.insertCard(card)));
    await waitFor(() => page.readouts.filter((r) => r.punches).length === 2);
    expect(service.unacknowledged()).toHaveLength(2);

    // A card still holding another day's race: its punches are left out.
    const weekAgo = (new Date().getDay() + 3) % 7;
    port.write(
      Buffer.from(
        station.insertCard({
          chip: 2_000_456,
          punches: [{ code: 31, secondsOfDay: 36_000, dayOfWeek: weekAgo }],
        }),
      ),
    );
    await waitFor(() => page.readouts.filter((r) => r.punches).length === 3);
    expect(readoutsOf(page, '2000456')).toEqual([[]]);
    expect(service.unacknowledged()).toHaveLength(2);

    // The station clock, set to this computer's time through the contract.
    const set = await page.handlers['devices:set-clock'](
      { id: 'reader' },
      () => undefined,
    );
    expect(set).toEqual({
      ok: true,
      value: {
        id: 'reader',
        setTo: '2026-06-20 11:00:00.000',
        deviceTime: '2026-06-20 11:00:00.000',
      },
    });
    expect(
      await page.handlers['devices:set-clock']({ id: 'x' }, () => undefined),
    ).toMatchObject({ ok: false, error: { code: 'unknown-device' } });
  }, 60_000);

  it('refuses a device without a port and a bad acknowledgement, naming the field', () => {
    expect(
      deviceArgumentChecks['devices:watch']({
        id: 'finish',
        protocol: 'sportident',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(
      deviceArgumentChecks['devices:watch']({
        id: 'x',
        protocol: 'morse',
        path: '/dev/x',
      }),
    ).toMatchObject({
      ok: false,
      error: { data: { field: 'arguments.protocol' } },
    });
    expect(deviceArgumentChecks['devices:set-clock']({})).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(
      deviceArgumentChecks['devices:watch']({
        id: 'board',
        protocol: 'alge-board',
        path: '/dev/ttyUSB1',
      }),
    ).toMatchObject({ ok: true });
    expect(
      deviceArgumentChecks['devices:acknowledge']({ ids: [1] }),
    ).toMatchObject({
      ok: false,
      error: { data: { field: 'ids' } },
    });
  });

  it('says devices are unavailable where no data folder is open', async () => {
    const handlers = createDeviceHandlers({});
    expect(await handlers['devices:list']({}, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'devices-unavailable' },
    });
  });
});
