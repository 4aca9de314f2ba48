// Every decoded passing is written here and flushed to disk before anyone
// else sees it; consumers acknowledge by id once they have stored it, and a
// restart hands back what was never acknowledged. One file per data folder:
// passing, ack and session lines in the order they happened.

import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Passing } from '../../shared/timing/passing';
import {
  createLineAppender,
  openJournalFile,
  readJournalLines,
} from './journalFile';
import { type JournalLine, parseJournalLine } from './journalLine';
import { counterOf, isRepeat, naturalKey } from './naturalKey';

export type JournaledPassing = {
  id: string;
  /** The configured device (not the port name, which may change). */
  device: string;
  /** Starts at 1; a device counter going backwards starts the next. */
  session: number;
  key: string;
  receivedAtMs: number;
  source: PassingSource;
  passing: Passing;
};

/**
 * Live from the line, fetched back from the device's own memory, or a
 * punch read from a card (shared/timing/readout.ts).
 */
export type PassingSource = 'live' | 'memory' | 'readout';

export type AppendResult =
  | { status: 'journaled'; record: JournaledPassing }
  | { status: 'duplicate'; key: string }
  | { status: 'repeat' };

export type DeviceCursor = { session: number; lastCounter?: number };

export type PassingJournal = {
  readonly path: string;
  /** What opening found: bytes of a torn last line, unreadable lines. */
  readonly recovered: { tornBytes: number; badLines: number[] };
  /** Resolves once the passing is on disk (or known as a duplicate). */
  append(
    device: string,
    passing: Passing,
    source: PassingSource,
    receivedAtMs?: number,
  ): Promise<AppendResult>;
  acknowledge(ids: readonly string[]): Promise<void>;
  /** Journaled but not yet acknowledged, oldest first. */
  unacknowledged(): JournaledPassing[];
  /** Where a device's memory should be read from after a reconnect. */
  cursor(device: string): DeviceCursor;
  /** Whether the current session holds the record with this counter. */
  hasCounter(device: string, counter: number): boolean;
  /** The device told us its counter restarted (e.g. an MTR4 status). */
  startSession(device: string): Promise<DeviceCursor>;
  close(): Promise<void>;
};

/** Counters seen in the current session, to tell a hole from a record. */
type Cursor = { session: number; lastCounter?: number; seen: Set<number> };

export const openPassingJournal = async (
  dataDir: string,
  fileName = 'passings.jsonl',
): Promise<PassingJournal> => {
  const path = join(dataDir, fileName);
  const handle = await openJournalFile(path);
  const read = await readJournalLines(handle);
  const seen = new Set<string>();
  const pending = new Map<string, JournaledPassing>();
  const cursors = new Map<string, Cursor>();
  const badLines = [...read.badLines];

  const cursorOf = (device: string): Cursor => {
    const found = cursors.get(device);
    if (found) return found;
    const fresh: Cursor = { session: 1, seen: new Set() };
    cursors.set(device, fresh);
    return fresh;
  };

  const apply = (line: JournalLine) => {
    if (line.type === 'ack') {
      for (const id of line.ids) pending.delete(id);
    } else if (line.type === 'session') {
      cursors.set(line.device, { session: line.session, seen: new Set() });
    } else {
      const { record } = line;
      seen.add(record.key);
      pending.set(record.id, record);
      const cursor = cursorOf(record.device);
      const counter = counterOf(record.passing);
      if (record.session > cursor.session) {
        cursors.set(record.device, {
          session: record.session,
          seen: new Set(),
        });
      }
      const current = cursorOf(record.device);
      if (counter !== undefined && record.session === current.session) {
        current.lastCounter = Math.max(current.lastCounter ?? counter, counter);
        current.seen.add(counter);
      }
    }
  };

  for (const { line: number, value } of read.values) {
    const line = parseJournalLine(value);
    if (line) apply(line);
    else badLines.push(number);
  }
  badLines.sort((a, b) => a - b);

  const appender = createLineAppender(handle);

  const append = async (
    device: string,
    passing: Passing,
    source: PassingSource,
    receivedAtMs = Date.now(),
  ): Promise<AppendResult> => {
    if (isRepeat(passing)) return { status: 'repeat' };
    const key = naturalKey(device, passing);
    if (seen.has(key)) return { status: 'duplicate', key };
    // Reserved before the write, so a copy arriving meanwhile is dropped.
    seen.add(key);
    const cursor = cursorOf(device);
    const counter = counterOf(passing);
    const lines: JournalLine[] = [];
    if (
      source === 'live' &&
      counter !== undefined &&
      cursor.lastCounter !== undefined &&
      counter < cursor.lastCounter
    ) {
      cursor.session += 1;
      cursor.lastCounter = undefined;
      cursor.seen = new Set();
      lines.push({ type: 'session', device, session: cursor.session });
    }
    if (counter !== undefined) {
      cursor.lastCounter = Math.max(cursor.lastCounter ?? counter, counter);
      cursor.seen.add(counter);
    }
    const record: JournaledPassing = {
      id: uuidv7(),
      device,
      session: cursor.session,
      key,
      receivedAtMs,
      source,
      passing,
    };
    lines.push({ type: 'passing', record });
    try {
      await appender.append(lines);
    } catch (error) {
      seen.delete(key);
      throw error;
    }
    pending.set(record.id, record);
    return { status: 'journaled', record };
  };

  const acknowledge = async (ids: readonly string[]) => {
    const known = ids.filter((id) => pending.has(id));
    if (known.length === 0) return;
    await appender.append([{ type: 'ack', ids: known }]);
    for (const id of known) pending.delete(id);
  };

  const startSession = async (device: string) => {
    const cursor = cursorOf(device);
    cursor.session += 1;
    cursor.lastCounter = undefined;
    cursor.seen = new Set();
    await appender.append([
      { type: 'session', device, session: cursor.session },
    ]);
    return { session: cursor.session };
  };

  return {
    path,
    recovered: { tornBytes: read.tornBytes, badLines },
    append,
    acknowledge,
    unacknowledged: () => [...pending.values()],
    cursor: (device) => {
      const { session, lastCounter } = cursorOf(device);
      return lastCounter === undefined ? { session } : { session, lastCounter };
    },
    hasCounter: (device, counter) => cursorOf(device).seen.has(counter),
    startSession,
    close: async () => {
      await appender.settled();
      await handle.close();
    },
  };
};
