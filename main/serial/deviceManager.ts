// Watches the configured timing devices: finds each one's port (by USB
// identity when it has one), opens it with the protocol's line settings,
// runs its start-up commands, reads what it missed from its memory, and
// reconnects with capped backoff after an unplug. Plain Node: the Electron
// glue subscribes with `onEvent` and forwards the events to the desk.

import type { TimingProtocol } from '../../shared/timing/passing';
import type { PassingJournal } from '../journal/passingJournal';
import { type BackoffOptions, createBackoff, defaultBackoff } from './backoff';
import { openCaptureFile } from './captureFile';
import type { DeviceDriver, DriverContext } from './deviceDriver';
import { noMemoryDriver } from './deviceDriver';
import { type DeviceSession, startDeviceSession } from './deviceSession';
import type {
  DeviceConfig,
  DeviceEvent,
  DeviceListener,
  DeviceState,
  MemoryRead,
} from './deviceState';
import { lineSettings } from './lineSettings';
import { mtr4Driver } from './mtr4Driver';
import { closeQuietly, openSerialPort } from './openPort';
import { findPort, type ListPorts, listSerialPorts } from './portIdentity';
import { sportidentDriver } from './sportidentDriver';
import { timyDriver } from './timyDriver';

export type DeviceManagerOptions = {
  dataDir: string;
  journal: PassingJournal;
  listPorts?: ListPorts;
  backoff?: BackoffOptions;
  /** How often devices with cheap memory reads are asked for news. */
  pollMs?: number;
};

export type DeviceManager = {
  /** Starts watching a device; resolves at once (the loop runs on). */
  watch(config: DeviceConfig): void;
  stop(device: string): Promise<void>;
  stopAll(): Promise<void>;
  state(device: string): DeviceState | undefined;
  /** Writes to a connected device (a Timy's printer); false when it is not. */
  write(device: string, bytes: Uint8Array): Promise<boolean>;
  onEvent(listener: DeviceListener): () => void;
};

const drivers: Record<TimingProtocol, DeviceDriver> = {
  sportident: sportidentDriver,
  'emit-mtr4': mtr4Driver,
  'alge-timy': timyDriver,
  'emit-250': noMemoryDriver,
};

type Watch = {
  config: DeviceConfig;
  stopped: boolean;
  wake: () => void;
  session?: DeviceSession;
  done: Promise<void>;
};

export const createDeviceManager = (
  options: DeviceManagerOptions,
): DeviceManager => {
  const listPorts = options.listPorts ?? listSerialPorts;
  const pollMs = options.pollMs ?? 10_000;
  const listeners = new Set<DeviceListener>();
  const states = new Map<string, DeviceState>();
  const watches = new Map<string, Watch>();

  const emit = (event: DeviceEvent) => {
    for (const listener of listeners) listener(event);
  };
  const setState = (device: string, state: DeviceState) => {
    states.set(device, state);
    emit({ type: 'state', device, state });
  };

  /** Sleeps, but wakes at once when the device is stopped. */
  const pause = (watch: Watch, ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      watch.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const resolvePath = async (watch: Watch) => {
    const { usb } = watch.config;
    if (!usb) return watch.config.path;
    // Listing fails without udev; the device then counts as not there.
    const ports = await listPorts().catch(() => []);
    const found = findPort(ports, usb, watch.config.path);
    if (found) watch.config = { ...watch.config, path: found.path };
    return found?.path;
  };

  /** Opens at each of the protocol's baud rates until the device answers. */
  const connect = async (watch: Watch, path: string) => {
    const { config } = watch;
    const settings = lineSettings(config.protocol);
    const driver = drivers[config.protocol];
    for (const [index, baudRate] of settings.baudRates.entries()) {
      const opened = await openSerialPort(path, settings, baudRate);
      if (!opened.ok) return opened;
      const port = opened.value;
      const startedAt = Date.now();
      const capture = await openCaptureFile(
        options.dataDir,
        config.id,
        startedAt,
      );
      emit({ type: 'capture', device: config.id, path: capture.path });
      const reading = (what: MemoryRead | undefined) =>
        setState(
          config.id,
          what
            ? { state: 'reading', path, what, sinceMs: Date.now() }
            : { state: 'connected', path, baudRate, sinceMs: startedAt },
        );
      // The hooks run later, once the session (and so the context) exists.
      let context: DriverContext | undefined;
      const later =
        (run: (ready: DriverContext) => Promise<void>) => async () => {
          if (context) await run(context);
        };
      const session = startDeviceSession(
        config,
        port,
        options.journal,
        capture,
        emit,
        {
          onGap: (from, to) =>
            void session.task(
              `gap ${from}-${to}`,
              later((ready) => driver.fillGap(ready, from, to)),
            ),
          onNewSession: (first) =>
            void session.task(
              'reset',
              later((ready) => driver.afterReset(ready, first)),
            ),
          onBadFrame: () => {
            const after = driver.afterBadFrame;
            if (after) void session.task('bad-frame', later(after));
          },
          onJournalError: (error) =>
            setState(config.id, {
              state: 'error',
              reason: `Journal: ${error.message}`,
              sinceMs: Date.now(),
              retryInMs: 0,
            }),
        },
      );
      context = {
        device: config.id,
        journal: options.journal,
        session,
        reading,
      };
      void session.ended.then(() => capture.close());
      const answered = await driver.startUp(context);
      const last = index === settings.baudRates.length - 1;
      if (answered || last) {
        return { ok: true as const, session, context, baudRate, startedAt };
      }
      await closeQuietly(port);
      await session.ended;
    }
    throw new Error('a protocol without baud rates');
  };

  const run = async (watch: Watch) => {
    const device = watch.config.id;
    const driver = drivers[watch.config.protocol];
    const backoff = createBackoff(options.backoff ?? defaultBackoff);
    let awaySinceMs = Date.now();
    while (!watch.stopped) {
      setState(device, { state: 'connecting', attempt: backoff.attempt + 1 });
      const path = await resolvePath(watch);
      const result = path
        ? await connect(watch, path).catch((error: unknown) => ({
            ok: false as const,
            // E.g. the capture folder cannot be written: retry like a port.
            error: { code: 'error', message: String(error) },
          }))
        : { ok: false as const, error: { code: 'missing', message: '' } };
      if (watch.stopped) {
        if (result.ok) await closeQuietly(result.session.port);
        break;
      }
      if (!result.ok) {
        const retryInMs = backoff.next();
        const since = awaySinceMs;
        const { code, message } = result.error;
        setState(
          device,
          code === 'busy' && path
            ? { state: 'busy', path, sinceMs: since, retryInMs }
            : code === 'missing'
              ? { state: 'unplugged', sinceMs: since, retryInMs }
              : { state: 'error', reason: message, sinceMs: since, retryInMs },
        );
        await pause(watch, retryInMs);
        continue;
      }
      backoff.reset();
      const { session, context, baudRate, startedAt } = result;
      watch.session = session;
      setState(device, {
        state: 'connected',
        path: path ?? '',
        baudRate,
        sinceMs: startedAt,
      });
      // Opening flushed what the device sent meanwhile: ask its memory.
      void session.task('recover', () => driver.recover(context));
      const poll = driver.polls
        ? setInterval(
            () => void session.task('recover', () => driver.recover(context)),
            pollMs,
          )
        : undefined;
      await session.ended;
      clearInterval(poll);
      watch.session = undefined;
      awaySinceMs = Date.now();
      if (!watch.stopped) {
        setState(device, {
          state: 'unplugged',
          sinceMs: awaySinceMs,
          retryInMs: 0,
        });
      }
    }
    setState(device, { state: 'stopped' });
  };

  const stop = async (device: string) => {
    const watch = watches.get(device);
    if (!watch) return;
    watch.stopped = true;
    watch.wake();
    if (watch.session) await closeQuietly(watch.session.port);
    await watch.done;
    watches.delete(device);
  };

  return {
    watch: (config) => {
      if (watches.has(config.id)) return;
      const watch: Watch = {
        config,
        stopped: false,
        wake: () => undefined,
        done: Promise.resolve(),
      };
      watches.set(config.id, watch);
      watch.done = run(watch);
    },
    stop,
    stopAll: async () => {
      await Promise.all([...watches.keys()].map(stop));
    },
    state: (device) => states.get(device),
    write: async (device, bytes) => {
      const session = watches.get(device)?.session;
      if (!session?.isOpen()) return false;
      await session.write(bytes);
      return true;
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
