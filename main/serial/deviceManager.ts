// Watches the configured timing devices: finds each one's port (by USB
// identity when it has one), opens it with the protocol's line settings,
// runs its start-up commands, reads what it missed from its memory, and
// reconnects with capped backoff after an unplug. Plain Node: the Electron
// glue subscribes with `onEvent` and forwards the events to the desk.

import type { SerialPort } from 'serialport';
import type { DeviceProtocol } from '../../shared/contract/devices';
import { fail, type Result } from '../../shared/contract/result';
import type { PassingJournal } from '../journal/passingJournal';
import { type BackoffOptions, createBackoff, defaultBackoff } from './backoff';
import { openCaptureFile } from './captureFile';
import type { DeviceDriver, DriverContext } from './deviceDriver';
import { boardDriver, noMemoryDriver, wallClockAt } from './deviceDriver';
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
  /** Opens a port (tests replace it to play the system's refusals). */
  openPort?: typeof openSerialPort;
};

export type DeviceManager = {
  /** Starts watching a device; resolves at once (the loop runs on). */
  watch(config: DeviceConfig): void;
  stop(device: string): Promise<void>;
  stopAll(): Promise<void>;
  state(device: string): DeviceState | undefined;
  /** Writes to a connected device (a Timy's printer); false when it is not. */
  write(device: string, bytes: Uint8Array): Promise<boolean>;
  /**
   * Sets a connected device's clock to this computer's local time at
   * `epochMs` (after any memory read under way); the device's own answer.
   */
  setClock(
    device: string,
    epochMs: number,
  ): Promise<Result<{ deviceTime: string }>>;
  onEvent(listener: DeviceListener): () => void;
};

const drivers: Record<DeviceProtocol, DeviceDriver> = {
  sportident: sportidentDriver,
  'emit-mtr4': mtr4Driver,
  'alge-timy': timyDriver,
  'emit-250': noMemoryDriver,
  'alge-board': boardDriver,
};

type ConnectFailure = {
  ok: false;
  error: { code: string; message: string; baudRates?: number[] };
};

type Watch = {
  config: DeviceConfig;
  stopped: boolean;
  wake: () => void;
  session?: DeviceSession;
  /** A port opened and still asked its start-up, closed by `stop`. */
  opening?: SerialPort;
  done: Promise<void>;
};

/** What the desk shows for a connection that failed. */
const failedState = (
  error: ConnectFailure['error'],
  path: string | undefined,
  sinceMs: number,
  retryInMs: number,
): DeviceState => {
  const { code, message } = error;
  if (code === 'missing' || !path) {
    return { state: 'unplugged', sinceMs, retryInMs };
  }
  if (code === 'busy') return { state: 'busy', path, sinceMs, retryInMs };
  if (code === 'no-permission') {
    return { state: 'no-permission', path, sinceMs, retryInMs };
  }
  if (code === 'no-answer') {
    return {
      state: 'no-answer',
      path,
      baudRates: error.baudRates ?? [],
      sinceMs,
      retryInMs,
    };
  }
  return { state: 'error', reason: message, sinceMs, retryInMs };
};

export const createDeviceManager = (
  options: DeviceManagerOptions,
): DeviceManager => {
  const listPorts = options.listPorts ?? listSerialPorts;
  const openPort = options.openPort ?? openSerialPort;
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

  /**
   * Opens at each of the protocol's baud rates until the device answers its
   * start-up command (sent a few times at each: an answer lost on the line
   * must not make us settle at a wrong speed). No answer at any speed is a
   * failure of its own, retried with backoff like a missing port.
   */
  const connect = async (watch: Watch, path: string) => {
    const { config } = watch;
    const settings = lineSettings(config.protocol);
    const driver = drivers[config.protocol];
    const attempts = driver.startUpAttempts ?? 1;
    for (const baudRate of settings.baudRates) {
      // Stopped while a slower rate was tried: the port stays closed.
      if (watch.stopped) break;
      const opened = await openPort(path, settings, baudRate);
      if (!opened.ok) return opened;
      const port = opened.value;
      watch.opening = port;
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
          onMessage: (message) => {
            const handle = driver.onMessage;
            if (!handle) return;
            void session.task(
              `message ${message.type} ${String(message.data.chip ?? '')}`,
              later((ready) => handle(ready, message)),
            );
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
      for (let attempt = 0; attempt < attempts; attempt++) {
        if (watch.stopped || !session.isOpen()) break;
        if (await driver.startUp(context)) {
          watch.opening = undefined;
          return { ok: true as const, session, context, baudRate, startedAt };
        }
      }
      watch.opening = undefined;
      await closeQuietly(port);
      await session.ended;
      // Nothing came back: no file per try while the station stays silent.
      await capture.discardIfEmpty();
    }
    const rates = settings.baudRates;
    return {
      ok: false,
      error: {
        code: 'no-answer',
        message: `No answer from the device at ${rates.join(' or ')} baud`,
        baudRates: [...rates],
      },
    } satisfies ConnectFailure;
  };

  const run = async (watch: Watch) => {
    const device = watch.config.id;
    const driver = drivers[watch.config.protocol];
    const backoff = createBackoff(options.backoff ?? defaultBackoff);
    let awaySinceMs = Date.now();
    while (!watch.stopped) {
      // A silent station keeps saying so while it is asked again.
      if (states.get(device)?.state !== 'no-answer') {
        setState(device, { state: 'connecting', attempt: backoff.attempt + 1 });
      }
      const path = await resolvePath(watch);
      const result = path
        ? await connect(watch, path).catch(
            (error: unknown): ConnectFailure => ({
              ok: false,
              // E.g. the capture folder cannot be written: retry like a port.
              error: { code: 'error', message: String(error) },
            }),
          )
        : ({
            ok: false,
            error: { code: 'missing', message: '' },
          } satisfies ConnectFailure);
      if (watch.stopped) {
        if (result.ok) await closeQuietly(result.session.port);
        break;
      }
      if (!result.ok) {
        const retryInMs = backoff.next();
        const since = awaySinceMs;
        setState(device, failedState(result.error, path, since, retryInMs));
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
    if (watch.opening) await closeQuietly(watch.opening);
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
    setClock: async (device, epochMs) => {
      const watch = watches.get(device);
      const session = watch?.session;
      const driver = watch ? drivers[watch.config.protocol] : undefined;
      const setClock = driver?.setClock;
      if (!watch || !setClock) {
        return fail('no-clock', `${device} has no clock to set`, { device });
      }
      if (!session?.isOpen()) {
        return fail('device-not-connected', `${device} is not connected`, {
          device,
        });
      }
      const context: DriverContext = {
        device,
        session,
        journal: options.journal,
        // The state stays as it is: a clock setting is not a memory read.
        reading: () => undefined,
      };
      let answer: Result<{ deviceTime: string }> = fail(
        'device-not-connected',
        `${device} went away before its clock was set`,
        { device },
      );
      // Behind any memory read under way; the clock is taken when it runs.
      const skew = Date.now() - epochMs;
      await session.task(`clock ${epochMs}`, async () => {
        answer = await setClock(context, wallClockAt(Date.now() - skew));
      });
      return answer;
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
