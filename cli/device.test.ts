import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMtrReading } from '../shared/timing/emit/mtr4';
import { encodeSiFrame } from '../shared/timing/sportident/frame';
import { bytesOf, concatBytes } from '../shared/timing/testing/bytes';
import { runDevice } from './device';

// SportIdent autosend punch for card 223456 at station 31, 13:45:30.500
// (the vector explained in shared/timing/sportident/sportident.test.ts).
const punch = bytesOf(
  '02 d3 0d 00 1f 00 02 5b a0 05 18 ba 80 00 12 34 47 82 03',
);

let folder = '';

const run = async (args: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runDevice(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
};

const capture = async (name: string, bytes: Uint8Array | string) => {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'racedesk-device-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('racedesk device decode', () => {
  it('prints one JSON line per passing, protocol, chip, station and time first', async () => {
    const broken = punch.slice();
    broken[12] = 0x00;
    const file = await capture(
      'si.bin',
      concatBytes(bytesOf('ff 55 66'), punch, broken, punch),
    );
    const { code, stdout, stderr } = await run([
      'decode',
      '--protocol',
      'sportident',
      file,
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(Object.keys(JSON.parse(lines[0] ?? '{}')).slice(0, 4)).toEqual([
      'protocol',
      'chip',
      'station',
      'time',
    ]);
    expect(JSON.parse(lines[0] ?? '{}')).toEqual(
      expect.objectContaining({
        protocol: 'sportident',
        chip: '223456',
        station: 31,
        time: '13:45:30.500',
        offset: 3,
      }),
    );
    expect(stderr).toContain('bad frame at byte 1 (2 bytes): unframed bytes');
    expect(stderr).toContain('bad frame at byte 22 (19 bytes): CRC mismatch');
    expect(stdout).not.toContain('"offset":22');
  });

  it('prints Timy channels as stations and bibs instead of chips', async () => {
    const file = await capture(
      'timy.txt',
      ' 0012 c1  10:11:12.1234 00\r 0013 c0M 10:11:13.50   00\r',
    );
    const { code, stdout } = await run([
      'decode',
      '--protocol',
      'alge-timy',
      file,
    ]);
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      expect.objectContaining({
        bib: '12',
        station: 'c1',
        time: '10:11:12.1234',
      }),
      expect.objectContaining({ bib: '13', station: 'c0', manual: true }),
    ]);
  });

  it('prints MTR4 readings with their package numbers', async () => {
    const file = await capture(
      'mtr.bin',
      encodeMtrReading({
        mtrId: 77,
        date: '2026-06-14',
        secondsOfDay: 36_000,
        ms: 0,
        packageNumber: 12,
        chip: 500123,
        productionWeek: 10,
        productionYear: 20,
        controls: [{ code: 0, seconds: 0 }],
      }),
    );
    const { stdout } = await run(['decode', '--protocol', 'emit-mtr4', file]);
    expect(JSON.parse(stdout)).toEqual(
      expect.objectContaining({
        protocol: 'emit-mtr4',
        chip: '500123',
        station: 77,
        time: '10:00:00.000',
        packageNumber: 12,
      }),
    );
  });

  it('keeps device messages off stdout unless asked, and prints card punches as passings', async () => {
    // A station status answer, a punch, then an SI-Card 5 read out with
    // one punch at control 40 (12-hour time 02:30:00).
    const si5 = new Uint8Array(128);
    si5.set([0x00, 0x00], 4);
    si5[5] = 0x39; // card 57 (series 0)
    si5[6] = 0;
    si5.fill(0xee, 19, 23);
    si5.fill(0xee, 25, 27);
    si5[23] = 2; // next punch index: one punch
    si5.set([40, 0x23, 0x28], 33); // code 40 at 9000 s
    const file = await capture(
      'readout.bin',
      concatBytes(
        encodeSiFrame(0xf0, [0x00, 0x0a, 0x4d]),
        punch,
        encodeSiFrame(0xb1, [0x00, 0x0a, ...si5]),
      ),
    );
    const plain = await run(['decode', '--protocol', 'sportident', file]);
    expect(plain.code).toBe(0);
    const lines = plain.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ chip: '223456', station: 31 }),
      expect.objectContaining({
        protocol: 'sportident',
        chip: '57',
        station: 40,
        time: '02:30:00.000',
        readout: true,
        twelveHour: true,
      }),
    ]);
    expect(plain.stdout).not.toContain('"message"');
    expect(plain.stderr).toContain('2 device messages');

    const all = await run([
      'decode',
      '--protocol',
      'sportident',
      '--messages',
      file,
    ]);
    const messages = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).message)
      .filter(Boolean);
    expect(messages).toEqual(['si-response', 'si-card-readout']);
  });

  it('exits 2 for an unknown protocol or a file it cannot read', async () => {
    const file = await capture('x.bin', punch);
    const unknown = await run(['decode', '--protocol', 'tag-heuer', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown protocol 'tag-heuer'");
    const missing = await run([
      'decode',
      '--protocol',
      'sportident',
      join(folder, 'missing.bin'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    expect((await run(['decode', '--bogus'])).code).toBe(2);
  });

  it('measures every decoder on simulated streams it fully decodes', async () => {
    const { code, stdout } = await run(['bench', '--passings', '50']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.map((line) => line.split(/\s+/).slice(0, 3))).toEqual([
      ['sportident', '50', 'decoded'],
      ['emit-250', '50', 'decoded'],
      ['emit-mtr4', '50', 'decoded'],
      ['alge-timy', '50', 'decoded'],
    ]);
    expect((await run(['bench', '--passings', 'many'])).code).toBe(2);
  });

  it('runs as `racedesk device decode` from the bin script', async () => {
    const file = await capture('bin.bin', punch);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/racedesk.js', 'device', 'decode', '--protocol', 'sportident', file],
      { cwd: join(import.meta.dirname, '..') },
    );
    expect(JSON.parse(stdout)).toEqual(
      expect.objectContaining({ chip: '223456', station: 31 }),
    );
  });
});
