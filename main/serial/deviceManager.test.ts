// The device manager over socat pty pairs: port held by another program,
// a device found again by its USB identity on another port name, the
// capture file of a session, and a restart that replays unacknowledged
// passings.

import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../shared/contract/result';
import { encodeBoardTime } from '../../shared/timing/alge/board';
import { createDecoder } from '../../shared/timing/decoders';
import {
  openPassingJournal,
  type PassingJournal,
} from '../journal/passingJournal';
import { createDeviceManager, type DeviceManager } from './deviceManager';
import type { DeviceEvent } from './deviceState';
import { openSerialPort } from './openPort';
import type { ListedPort } from './portIdentity';
import { type Simulator, startSimulator } from './simulator/simulatorRunner';
import { createSocatPair, type SocatPair } from './testing/socatPair';

let dir = '';
let pairs: SocatPair[] = [];
let simulators: Simulator[] = [];
let manager: DeviceManager | undefined;
let journal: PassingJournal | undefined;
let blocker: SerialPort | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'manager-'));
});

afterEach(async () => {
  for (const simulator of simulators) await simulator.stop();
  await manager?.stopAll();
  await journal?.close();
  const held = blocker;
  if (held?.isOpen) await new Promise((resolve) => held.close(resolve));
  for (const pair of pairs) await pair.pullCable();
  simulators = [];
  pairs = [];
  manager = undefined;
  journal = undefined;
  blocker = undefined;
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

const waitUntil = async (check: () => boolean, timeoutMs = 8000) => {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await sleep(25);
  return check();
};

const newPair = async (name: string) => {
  const pair = createSocatPair(join(dir, name));
  await mkdir(join(dir, name), { recursive: true });
  await pair.plugIn();
  pairs.push(pair);
  return pair;
};

const start = async (
  listPorts?: () => Promise<ListedPort[]>,
  openPort?: Parameters<typeof createDeviceManager>[0]['openPort'],
) => {
  journal = await openPassingJournal(dir);
  const events: DeviceEvent[] = [];
  manager = createDeviceManager({
    dataDir: dir,
    journal,
    backoff: { firstMs: 50, maxMs: 200 },
    pollMs: 500,
    ...(listPorts ? { listPorts } : {}),
    ...(openPort ? { openPort } : {}),
  });
  manager.onEvent((event) => events.push(event));
  return events;
};

const simulate = (
  path: string,
  passings: number,
  more: Partial<Parameters<typeof startSimulator>[0]> = {},
) => {
  const simulator = startSimulator({
    path,
    protocol: 'sportident',
    passings,
    rate: 100,
    ...more,
  });
  simulators.push(simulator);
  return simulator;
};

const passingsIn = (events: DeviceEvent[]) =>
  events.filter((event) => event.type === 'passing');

describe('device manager', () => {
  it('says the port is busy while another program holds it, then connects', async () => {
    const pair = await newPair('a');
    const held = new SerialPort({
      path: pair.host,
      baudRate: 38_400,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) =>
      held.open((error) => (error ? reject(error) : resolve())),
    );
    blocker = held;
    const events = await start();
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const busy = () =>
      events.some((e) => e.type === 'state' && e.state.state === 'busy');
    expect(await waitUntil(busy)).toBe(true);
    await new Promise((resolve) => held.close(resolve));
    simulate(pair.device, 3);
    const connected = () => manager?.state('si')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
  });

  it('falls back to 4800 baud only when the station answers there', async () => {
    const pair = await newPair('a');
    const events = await start();
    // Three start-up commands at 38 400 go unanswered; the next is at 4 800.
    simulate(pair.device, 0, { loseStartUpAnswers: 3 });
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const connected = () => manager?.state('si')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
    expect(manager?.state('si')).toMatchObject({ baudRate: 4800 });
    expect(events.filter((e) => e.type === 'capture')).toHaveLength(2);
  });

  it('asks again at 38 400 when one answer is lost, instead of dropping to 4800', async () => {
    const pair = await newPair('a');
    await start();
    simulate(pair.device, 0, { loseStartUpAnswers: 1 });
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const connected = () => manager?.state('si')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
    expect(manager?.state('si')).toMatchObject({ baudRate: 38_400 });
  });

  it('opens the port at no other speed once stopped during start-up', async () => {
    const pair = await newPair('a');
    const rates: number[] = [];
    let stopping: Promise<void> | undefined;
    await start(undefined, async (path, settings, baudRate) => {
      rates.push(baudRate);
      const opened = await openSerialPort(path, settings, baudRate);
      // Stopped while the first speed is being tried (nobody answers).
      if (rates.length === 1) stopping = manager?.stop('si');
      return opened;
    });
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    expect(await waitUntil(() => stopping !== undefined)).toBe(true);
    await stopping;
    expect(rates).toEqual([38_400]);
  }, 30_000);

  it('says no answer at either speed, keeps trying, and connects once the station speaks', async () => {
    const pair = await newPair('a');
    const events = await start();
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const silent = () => manager?.state('si')?.state === 'no-answer';
    expect(await waitUntil(silent, 15_000)).toBe(true);
    expect(manager?.state('si')).toMatchObject({
      state: 'no-answer',
      path: pair.host,
      baudRates: [38_400, 4800],
    });
    const state = manager?.state('si');
    expect(state?.state === 'no-answer' && state.retryInMs).toBeGreaterThan(0);
    // A silent station leaves no capture file per try.
    expect(await readdir(join(dir, 'captures', 'si'))).toEqual([]);
    const attempts = () =>
      events.filter((e) => e.type === 'state' && e.state.state === 'no-answer')
        .length;
    expect(await waitUntil(() => attempts() >= 2, 20_000)).toBe(true);
    expect(
      events.some((e) => e.type === 'state' && e.state.state === 'connected'),
    ).toBe(false);
    simulate(pair.device, 2);
    const connected = () => manager?.state('si')?.state === 'connected';
    expect(await waitUntil(connected, 20_000)).toBe(true);
  }, 60_000);

  it('says the system refuses the port, apart from a port held by another program', async () => {
    const pair = await newPair('a');
    await start(undefined, async (path) =>
      fail('no-permission', `Cannot open ${path}: Permission denied`),
    );
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const refused = () => manager?.state('si')?.state === 'no-permission';
    expect(await waitUntil(refused)).toBe(true);
    expect(manager?.state('si')).toMatchObject({ path: pair.host });
  });

  it('opens a display board with no start-up or memory commands and sends it lines', async () => {
    const pair = await newPair('a');
    const board = new SerialPort({
      path: pair.device,
      baudRate: 2400,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) =>
      board.open((error) => (error ? reject(error) : resolve())),
    );
    blocker = board;
    const received: Buffer[] = [];
    board.on('data', (bytes: Buffer) => received.push(bytes));
    await start();
    manager?.watch({ id: 'board', protocol: 'alge-board', path: pair.host });
    const connected = () => manager?.state('board')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
    expect(manager?.state('board')).toMatchObject({ baudRate: 2400 });
    const line = encodeBoardTime({
      bib: '12',
      kind: 'finish',
      time: '00:31:02.125',
      rank: 1,
    });
    if (!line) throw new Error('no board line');
    expect(await manager?.write('board', line)).toBe(true);
    const text = () => Buffer.concat(received).toString('latin1');
    expect(await waitUntil(() => text().includes('\r'))).toBe(true);
    // The first bytes on the line are the finisher, nothing before it.
    expect(text()).toBe(' 12C    00:31:02.125 1\r');
  });

  it('sets a SportIdent station clock to the given local time and takes the time it answers', async () => {
    const pair = await newPair('a');
    const events = await start();
    simulate(pair.device, 0);
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const connected = () => manager?.state('si')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
    const at = new Date(2026, 5, 20, 15, 0, 0, 0).getTime();
    expect(await manager?.setClock('si', at)).toEqual({
      ok: true,
      value: { deviceTime: '2026-06-20 15:00:00.000' },
    });
    const messages = events.flatMap((e) =>
      e.type === 'message' && e.message.type === 'si-station-time'
        ? [e.message.data]
        : [],
    );
    expect(messages).toContainEqual(
      expect.objectContaining({ date: '2026-06-20', time: '15:00:00.000' }),
    );
  });

  it('sets an MTR4 clock and reads it back from the status', async () => {
    const pair = await newPair('a');
    await start();
    simulate(pair.device, 0, { protocol: 'emit-mtr4' });
    manager?.watch({ id: 'mtr', protocol: 'emit-mtr4', path: pair.host });
    const connected = () => manager?.state('mtr')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
    const at = new Date(2026, 5, 20, 15, 4, 5, 0).getTime();
    expect(await manager?.setClock('mtr', at)).toEqual({
      ok: true,
      value: { deviceTime: '2026-06-20 15:04:05.000' },
    });
    expect(await manager?.setClock('nobody', at)).toMatchObject({
      ok: false,
      error: { code: 'no-clock' },
    });
  });

  it('says unplugged, with since, while the port is missing', async () => {
    const events = await start();
    const before = Date.now();
    manager?.watch({
      id: 'si',
      protocol: 'sportident',
      path: join(dir, 'none'),
    });
    const unplugged = () =>
      events.some((e) => e.type === 'state' && e.state.state === 'unplugged');
    expect(await waitUntil(unplugged)).toBe(true);
    const state = manager?.state('si');
    expect(state?.state).toBe('unplugged');
    if (state?.state === 'unplugged') {
      expect(state.sinceMs).toBeGreaterThanOrEqual(before);
      expect(state.retryInMs).toBeGreaterThan(0);
    }
  });

  it('finds a USB device again when it comes back under another port name', async () => {
    const first = await newPair('first');
    const second = await newPair('second');
    const usb = { vendorId: '10c4', productId: '800a', serialNumber: 'BSM8-1' };
    let listed: ListedPort[] = [{ path: first.host, ...usb }];
    const events = await start(async () => listed);
    simulate(first.device, 5);
    manager?.watch({ id: 'si', protocol: 'sportident', usb });
    expect(await waitUntil(() => passingsIn(events).length === 5)).toBe(true);
    // Unplugged from one socket and plugged into another.
    listed = [];
    await first.pullCable();
    const gone = () => manager?.state('si')?.state === 'unplugged';
    expect(await waitUntil(gone)).toBe(true);
    listed = [{ path: '/dev/ttyS0' }, { path: second.host, ...usb }];
    simulate(second.device, 4);
    const connectedTo = () => {
      const state = manager?.state('si');
      return state?.state === 'connected' && state.path === second.host;
    };
    expect(await waitUntil(connectedTo)).toBe(true);
  });

  it('keeps the raw bytes of each session in its own capture file', async () => {
    const pair = await newPair('a');
    const events = await start();
    simulate(pair.device, 8);
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    expect(await waitUntil(() => passingsIn(events).length === 8)).toBe(true);
    await manager?.stopAll();
    const capture = events.find((event) => event.type === 'capture');
    if (capture?.type !== 'capture') throw new Error('no capture file');
    const decoder = createDecoder('sportident');
    const outputs = decoder.push(await readFile(capture.path));
    const chips = outputs.flatMap((o) =>
      o.kind === 'passing' ? [o.chip] : [],
    );
    const journaled = passingsIn(events).flatMap((e) =>
      e.type === 'passing' ? [e.record.passing.chip] : [],
    );
    // Memory polls read the same punches again: the journal kept one each.
    expect([...new Set(chips)]).toEqual(journaled);
    expect(chips.length).toBeGreaterThanOrEqual(journaled.length);
  });

  it('hands back unacknowledged passings after a restart and skips what was read already', async () => {
    const pair = await newPair('a');
    const events = await start();
    simulate(pair.device, 6);
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    expect(await waitUntil(() => passingsIn(events).length === 6)).toBe(true);
    const ids = passingsIn(events).flatMap((e) =>
      e.type === 'passing' ? [e.record.id] : [],
    );
    await journal?.acknowledge(ids.slice(0, 4));
    await manager?.stopAll();
    await journal?.close();

    // The desk restarts; the station still holds all six in its memory.
    const again = await start();
    expect(journal?.unacknowledged().map((r) => r.id)).toEqual(ids.slice(4));
    manager?.watch({ id: 'si', protocol: 'sportident', path: pair.host });
    const connected = () => manager?.state('si')?.state === 'connected';
    expect(await waitUntil(connected)).toBe(true);
    await sleep(800);
    expect(passingsIn(again)).toEqual([]);
  });
});
