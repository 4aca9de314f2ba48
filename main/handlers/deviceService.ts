// The timing devices of one data folder: the passing journal, the device
// manager and the list of configured devices (devices.json), so a desk
// restarted mid-race watches the same devices again and hands back the
// passings it never acknowledged. Plain Node: the web host and Electron
// main each open one and pass it to the device handlers.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from '../../node/log';
import type {
  CardReadout,
  ClockSet,
  DeviceSetup,
  DeviceSnapshot,
  DeviceStatus,
  JournaledPassing,
  SerialPortInfo,
} from '../../shared/contract/devices';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { DeviceMessage } from '../../shared/timing/passing';
import {
  type JournaledPassing as JournalRecord,
  openPassingJournal,
  type PassingJournal,
} from '../journal/passingJournal';
import {
  createDeviceManager,
  type DeviceManagerOptions,
} from '../serial/deviceManager';
import type { DeviceState } from '../serial/deviceState';
import { type ListPorts, listSerialPorts } from '../serial/portIdentity';
import { parseDeviceSetups } from './deviceSetup';

export type DeviceServiceEvent =
  | { type: 'status'; device: string; snapshot: DeviceSnapshot }
  | { type: 'passing'; passing: JournaledPassing }
  | { type: 'readout'; readout: CardReadout };

export type DeviceService = {
  listPorts(): Promise<SerialPortInfo[]>;
  list(): DeviceSnapshot[];
  watch(setup: DeviceSetup): Promise<DeviceSnapshot>;
  stop(id: string): Promise<boolean>;
  unacknowledged(): JournaledPassing[];
  acknowledge(ids: readonly string[]): Promise<number>;
  /** Sets a connected device's clock to this computer's time. */
  setClock(id: string): Promise<Result<ClockSet>>;
  /**
   * Lines to a connected device: result lines to a Timy's printer, the
   * latest finishers to a display board added as a device on its port.
   */
  send(
    device: string,
    lines: readonly Uint8Array[],
  ): Promise<Result<{ lines: number }>>;
  onEvent(listener: (event: DeviceServiceEvent) => void): () => void;
  close(): Promise<void>;
};

export type DeviceServiceOptions = {
  dataDir: string;
  logger: Logger;
  listPorts?: ListPorts;
  backoff?: DeviceManagerOptions['backoff'];
  pollMs?: number;
  /** This computer's clock (tests fix it). */
  now?: () => number;
};

/** Main's state is the contract's status; this fails to compile if not. */
const statusOf = (state: DeviceState): DeviceStatus => state;

export const passingOf = (record: JournalRecord): JournaledPassing => ({
  id: record.id,
  receivedAtMs: record.receivedAtMs,
  device: record.device,
  session: record.session,
  key: record.key,
  source: record.source,
  passing: record.passing,
});

/**
 * A card put on a SportIdent readout station: its number at once, for
 * pairing at check-in. Its punches follow once the card is read (the
 * manager's 'readout' event), as does an Emit card's whole readout.
 */
export const readoutOf = (message: DeviceMessage): string | undefined => {
  const { chip } = message.data;
  if (message.type !== 'si-card-inserted' || typeof chip !== 'string') return;
  return chip === '' || chip === '0' ? undefined : chip;
};

/** Local 'YYYY-MM-DD HH:MM:SS.fff' of an instant. */
const localStamp = (epochMs: number) => {
  const at = new Date(epochMs);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ` +
    `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.` +
    pad(at.getMilliseconds(), 3)
  );
};

type Known = {
  setup: DeviceSetup;
  status: DeviceStatus;
  capturePath: string;
  passings: number;
  badFrames: number;
};

export const openDeviceService = async (
  options: DeviceServiceOptions,
): Promise<DeviceService> => {
  const log = options.logger;
  const configPath = join(options.dataDir, 'devices.json');
  await mkdir(options.dataDir, { recursive: true });
  const journal: PassingJournal = await openPassingJournal(options.dataDir);
  const { tornBytes, badLines } = journal.recovered;
  if (tornBytes > 0 || badLines.length > 0) {
    log.warn({ tornBytes, badLines: badLines.length }, 'journal repaired');
  }
  const manager = createDeviceManager({
    dataDir: options.dataDir,
    journal,
    ...(options.listPorts ? { listPorts: options.listPorts } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  const listeners = new Set<(event: DeviceServiceEvent) => void>();
  let closing: Promise<void> | undefined;
  const known = new Map<string, Known>();

  const emit = (event: DeviceServiceEvent) => {
    for (const listener of listeners) listener(event);
  };
  const snapshot = (entry: Known): DeviceSnapshot => ({ ...entry });
  const changed = (device: string) => {
    const entry = known.get(device);
    if (entry) emit({ type: 'status', device, snapshot: snapshot(entry) });
  };

  manager.onEvent((event) => {
    const entry = known.get(event.device);
    switch (event.type) {
      case 'state':
        if (entry) entry.status = statusOf(event.state);
        log.info({ device: event.device, state: event.state.state }, 'device');
        changed(event.device);
        return;
      case 'capture':
        if (entry) entry.capturePath = event.path;
        changed(event.device);
        return;
      case 'passing':
        if (entry) entry.passings += 1;
        emit({ type: 'passing', passing: passingOf(event.record) });
        changed(event.device);
        return;
      case 'bad-frame':
        if (entry) entry.badFrames += 1;
        changed(event.device);
        return;
      case 'message': {
        const chip = readoutOf(event.message);
        if (chip) {
          emit({
            type: 'readout',
            readout: { device: event.device, chip, atMs: Date.now() },
          });
        }
        return;
      }
      case 'readout':
        emit({
          type: 'readout',
          readout: {
            device: event.device,
            chip: event.chip,
            atMs: Date.now(),
            ...(event.cardType ? { cardType: event.cardType } : {}),
            punches: event.punches,
          },
        });
        return;
    }
  });

  const save = async () => {
    const setups = [...known.values()].map((entry) => entry.setup);
    const temporary = `${configPath}.tmp`;
    await writeFile(temporary, `${JSON.stringify(setups, null, 2)}\n`);
    await rename(temporary, configPath);
  };

  const start = (setup: DeviceSetup): Known => {
    const entry: Known = {
      setup,
      status: { state: 'connecting', attempt: 1 },
      capturePath: '',
      passings: 0,
      badFrames: 0,
    };
    known.set(setup.id, entry);
    manager.watch(setup);
    return entry;
  };

  const saved = await readFile(configPath, 'utf8').catch(() => '[]');
  const setups = parseDeviceSetups(saved);
  if (!setups.ok) log.warn({ reason: setups.error.message }, 'devices.json');
  for (const setup of setups.ok ? setups.value : []) start(setup);

  return {
    listPorts: async () => {
      const list = options.listPorts ?? listSerialPorts;
      return list();
    },
    list: () => [...known.values()].map(snapshot),
    async watch(setup) {
      if (known.has(setup.id)) {
        await manager.stop(setup.id);
        known.delete(setup.id);
      }
      const entry = start(setup);
      await save();
      log.info({ device: setup.id, protocol: setup.protocol }, 'watching');
      return snapshot(entry);
    },
    async stop(id) {
      if (!known.has(id)) return false;
      await manager.stop(id);
      known.delete(id);
      await save();
      return true;
    },
    unacknowledged: () => journal.unacknowledged().map(passingOf),
    async acknowledge(ids) {
      const pending = new Set(journal.unacknowledged().map((r) => r.id));
      const fresh = ids.filter((id) => pending.has(id));
      await journal.acknowledge(fresh);
      return fresh.length;
    },
    async setClock(id) {
      if (!known.has(id)) {
        return fail('unknown-device', `No device is named ${id}`, { id });
      }
      const at = (options.now ?? Date.now)();
      const set = await manager.setClock(id, at);
      if (!set.ok) return set;
      log.info({ device: id }, 'device clock set');
      return ok({
        id,
        setTo: localStamp(at),
        ...(set.value.deviceTime ? { deviceTime: set.value.deviceTime } : {}),
      });
    },
    async send(device, lines) {
      if (!known.has(device)) {
        return fail('unknown-device', `No device is named ${device}`, {
          device,
        });
      }
      let sent = 0;
      for (const line of lines) {
        if (!(await manager.write(device, line))) {
          return fail('device-not-connected', `${device} is not connected`, {
            device,
            sent,
          });
        }
        sent += 1;
      }
      return ok({ lines: sent });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      // Both a signal handler and a quitting app may call it.
      closing ??= (async () => {
        listeners.clear();
        await manager.stopAll();
        await journal.close();
      })();
      return closing;
    },
  };
};
