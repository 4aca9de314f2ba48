import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  type EventKeyCodec,
  eventKeyPath,
  eventKeysDirName,
  forgetEventKey,
  readOrCreateEventKey,
} from './eventKeyFiles';

const folder = () => mkdtemp(join(tmpdir(), 'racedesk-event-key-'));

const bytesOf = (result: { ok: boolean; value?: Buffer }) =>
  result.ok && result.value ? result.value : Buffer.alloc(0);

describe('the per-event key files', () => {
  it('make one key per event on first ask, readable by this user only, and read it back the same', async () => {
    const dir = await folder();

    const first = await readOrCreateEventKey(dir, 'e1');
    const again = await readOrCreateEventKey(dir, 'e1');
    const other = await readOrCreateEventKey(dir, 'e2');
    const mode = (await stat(eventKeyPath(dir, 'e1'))).mode & 0o777;

    expect(bytesOf(first).length).toBe(32);
    expect(bytesOf(again).equals(bytesOf(first))).toBe(true);
    expect(bytesOf(other).equals(bytesOf(first))).toBe(false);
    expect(mode).toBe(0o600);
    expect((await readdir(join(dir, eventKeysDirName))).sort()).toEqual([
      'event-e1.key',
      'event-e2.key',
    ]);
  });

  it('hand every caller the same key when they ask for a new event at once', async () => {
    const dir = await folder();

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => readOrCreateEventKey(dir, 'e1')),
    );
    const stored = await readOrCreateEventKey(dir, 'e1');

    for (const answer of answers) {
      expect(bytesOf(answer).equals(bytesOf(stored))).toBe(true);
    }
    expect(await readdir(join(dir, eventKeysDirName))).toEqual([
      'event-e1.key',
    ]);
  });

  it('delete the key on forget, again without error, and make a new one when asked after', async () => {
    const dir = await folder();
    const before = await readOrCreateEventKey(dir, 'e1');

    const forgotten = await forgetEventKey(dir, 'e1');
    const again = await forgetEventKey(dir, 'e1');
    const files = await readdir(join(dir, eventKeysDirName));
    const after = await readOrCreateEventKey(dir, 'e1');

    expect(forgotten).toEqual({ ok: true, value: true });
    expect(again).toEqual({ ok: true, value: false });
    expect(files).toEqual([]);
    expect(bytesOf(after).equals(bytesOf(before))).toBe(false);
  });

  it('refuse event ids that could leave the key folder', async () => {
    const dir = await folder();

    for (const eventId of ['', '.', '..', '../e1', 'a/b', 'a\\b', '.hidden']) {
      expect(await readOrCreateEventKey(dir, eventId)).toMatchObject({
        ok: false,
        error: { code: 'invalid-event-id' },
      });
      expect(await forgetEventKey(dir, eventId)).toMatchObject({
        ok: false,
        error: { code: 'invalid-event-id' },
      });
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuse a damaged key file, naming it, and leave it as it was', async () => {
    const dir = await folder();
    await readOrCreateEventKey(dir, 'e1');
    const path = eventKeyPath(dir, 'e1');
    await writeFile(path, 'c2hvcnQ=');

    const result = await readOrCreateEventKey(dir, 'e1');

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-event-key', data: { path } },
    });
    expect(await readFile(path, 'utf8')).toBe('c2hvcnQ=');
  });

  it('keep the key only in the form the codec gives it, and refuse a file the codec cannot open', async () => {
    const dir = await folder();
    // A stand-in for safeStorage: reversible, and not the key as it is.
    const reversed: EventKeyCodec = {
      toFile: (base64) => Buffer.from([...base64].reverse().join('')),
      fromFile: (bytes) => {
        const text = [...bytes.toString()].reverse().join('');
        if (!text.endsWith('=')) throw new Error('not sealed by this store');
        return text;
      },
      suffix: '.enc',
    };

    const key = await readOrCreateEventKey(dir, 'e1', reversed);
    const path = eventKeyPath(dir, 'e1', reversed);
    const stored = await readFile(path, 'utf8');
    await writeFile(path, 'garbage');
    const damaged = await readOrCreateEventKey(dir, 'e1', reversed);

    expect(path.endsWith('event-e1.key.enc')).toBe(true);
    expect(stored).not.toContain(bytesOf(key).toString('base64'));
    expect(damaged).toMatchObject({
      ok: false,
      error: { code: 'event-key-unreadable', data: { path } },
    });
  });
});
