import { appendFile, mkdtemp, readFile, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Passing } from '../../shared/timing/passing';
import { openPassingJournal } from './passingJournal';

const siPunch = (chip: string, memoryAddress: number, time: string) =>
  ({
    kind: 'passing',
    protocol: 'sportident',
    offset: 0,
    chip,
    station: 31,
    time,
    extra: { memoryAddress },
  }) satisfies Passing;

const timyLine = (bib: string, time: string) =>
  ({
    kind: 'passing',
    protocol: 'alge-timy',
    offset: 0,
    bib,
    station: 'c1',
    time,
    extra: {},
  }) satisfies Passing;

let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('passing journal', () => {
  it('keeps a card punch once, whichever reader read the card and when, and replays it as readout', async () => {
    const journal = await openPassingJournal(dir);
    const punch = (time: string): Passing => ({
      kind: 'passing',
      protocol: 'emit-250',
      offset: 0,
      chip: '123456',
      station: 31,
      time,
      extra: { readout: true, cardTime: 100, estimated: true },
    });
    const first = await journal.append(
      'reader',
      punch('09:57:30.000'),
      'readout',
    );
    const elsewhere = await journal.append(
      'finish',
      punch('11:02:00.000'),
      'readout',
    );
    const otherControl = await journal.append(
      'reader',
      { ...punch('09:57:30.000'), station: 32 },
      'readout',
    );
    expect([first.status, elsewhere.status, otherControl.status]).toEqual([
      'journaled',
      'duplicate',
      'journaled',
    ]);
    await journal.close();
    const reopened = await openPassingJournal(dir);
    expect(reopened.unacknowledged().map((r) => r.source)).toEqual([
      'readout',
      'readout',
    ]);
    // Card punches carry no device counter: the memory cursor stays put.
    expect(reopened.cursor('reader')).toEqual({ session: 1 });
    await reopened.close();
  });

  it('writes a passing to disk before append resolves', async () => {
    const journal = await openPassingJournal(dir);
    const result = await journal.append(
      'si',
      siPunch('500123', 8, '10:00:00.000'),
      'live',
    );
    const text = await readFile(journal.path, 'utf8');
    expect(result.status).toBe('journaled');
    expect(text).toContain('"chip":"500123"');
    await journal.close();
  });

  it('drops a passing seen before, live or from memory', async () => {
    const journal = await openPassingJournal(dir);
    const punch = siPunch('500123', 8, '10:00:00.000');
    await journal.append('si', punch, 'live');
    const again = await journal.append(
      'si',
      { ...punch, extra: { memoryAddress: 8, fromBackup: true } },
      'memory',
    );
    expect(again.status).toBe('duplicate');
    expect(journal.unacknowledged()).toHaveLength(1);
    await journal.close();
  });

  it('drops a copy that arrives while the first is still being written', async () => {
    const journal = await openPassingJournal(dir);
    const line = timyLine('12', '10:00:01.1234');
    const [first, second] = await Promise.all([
      journal.append('timy', line, 'live'),
      journal.append('timy', line, 'memory'),
    ]);
    expect([first.status, second.status]).toEqual(['journaled', 'duplicate']);
    await journal.close();
  });

  it('keeps the same passing from two devices apart', async () => {
    const journal = await openPassingJournal(dir);
    const line = timyLine('12', '10:00:01.1234');
    await journal.append('timy-a', line, 'live');
    const other = await journal.append('timy-b', line, 'live');
    expect(other.status).toBe('journaled');
    await journal.close();
  });

  it('drops Emit 250 repeats of a card lying on the reader', async () => {
    const journal = await openPassingJournal(dir);
    const read = (repeat: number, time: string): Passing => ({
      kind: 'passing',
      protocol: 'emit-250',
      offset: 0,
      chip: '100001',
      station: 'emit-250',
      time,
      extra: { repeat },
    });
    await journal.append('emit', read(0, '10:00:00.000'), 'live');
    const repeat = await journal.append(
      'emit',
      read(1, '10:00:00.500'),
      'live',
    );
    expect(repeat.status).toBe('repeat');
    await journal.close();
  });

  it('starts a new session when a live counter goes backwards', async () => {
    const journal = await openPassingJournal(dir);
    await journal.append('si', siPunch('1', 800, '10:00:00.000'), 'live');
    const afterReset = await journal.append(
      'si',
      siPunch('2', 0, '10:00:05.000'),
      'live',
    );
    expect(afterReset).toMatchObject({
      status: 'journaled',
      record: { session: 2 },
    });
    expect(journal.cursor('si')).toEqual({ session: 2, lastCounter: 0 });
    await journal.close();
  });

  it('does not start a session for an older record read from memory', async () => {
    const journal = await openPassingJournal(dir);
    await journal.append('si', siPunch('1', 800, '10:00:00.000'), 'live');
    await journal.append('si', siPunch('2', 792, '09:59:59.000'), 'memory');
    expect(journal.cursor('si')).toEqual({ session: 1, lastCounter: 800 });
    await journal.close();
  });

  it('replays what was not acknowledged after a restart', async () => {
    const first = await openPassingJournal(dir);
    const a = await first.append('t', timyLine('1', '10:00:00.1000'), 'live');
    await first.append('t', timyLine('2', '10:00:01.1000'), 'live');
    if (a.status !== 'journaled') throw new Error('not journaled');
    await first.acknowledge([a.record.id]);
    await first.close();

    const second = await openPassingJournal(dir);
    expect(second.unacknowledged().map((r) => r.passing.bib)).toEqual(['2']);
    const again = await second.append(
      't',
      timyLine('1', '10:00:00.1000'),
      'memory',
    );
    expect(again.status).toBe('duplicate');
    await second.close();
  });

  it('remembers sessions and counters across a restart', async () => {
    const first = await openPassingJournal(dir);
    await first.append('si', siPunch('1', 800, '10:00:00.000'), 'live');
    await first.append('si', siPunch('2', 8, '10:00:05.000'), 'live');
    await first.close();
    const second = await openPassingJournal(dir);
    expect(second.cursor('si')).toEqual({ session: 2, lastCounter: 8 });
    await second.close();
  });

  it('ignores a torn last line and appends after the last whole one', async () => {
    const first = await openPassingJournal(dir);
    await first.append('t', timyLine('1', '10:00:00.1000'), 'live');
    await first.append('t', timyLine('2', '10:00:01.1000'), 'live');
    await first.close();
    const size = (await readFile(first.path)).length;
    // A crash in the middle of writing the second line.
    await truncate(first.path, size - 40);

    const second = await openPassingJournal(dir);
    expect(second.recovered.tornBytes).toBeGreaterThan(0);
    expect(second.unacknowledged().map((r) => r.passing.bib)).toEqual(['1']);
    const redo = await second.append(
      't',
      timyLine('2', '10:00:01.1000'),
      'memory',
    );
    expect(redo.status).toBe('journaled');
    await second.close();

    const third = await openPassingJournal(dir);
    expect(third.recovered).toEqual({ tornBytes: 0, badLines: [] });
    expect(third.unacknowledged().map((r) => r.passing.bib)).toEqual([
      '1',
      '2',
    ]);
    await third.close();
  });

  it('skips a damaged line inside the file and says which', async () => {
    const first = await openPassingJournal(dir);
    await first.append('t', timyLine('1', '10:00:00.1000'), 'live');
    await first.close();
    await appendFile(first.path, '{"type":"passing","record":{}}\nnot json\n');
    const second = await openPassingJournal(dir);
    expect(second.recovered.badLines).toEqual([2, 3]);
    expect(second.unacknowledged()).toHaveLength(1);
    await second.close();
  });
});
