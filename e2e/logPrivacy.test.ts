// The log scan also finds what the tests typed (logPrivacy.ts): values a
// spec registers land in the run's list and are searched for like the demo
// data's, hyphenated names too; the list itself is not scanned as a log.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  addTypedValues,
  type PersonalValues,
  registerTypedValues,
  scanLogs,
} from './logPrivacy';
import { e2eOperator } from './pages/access';
import { logsDirOf } from './runLogs';

let output = '';

beforeEach(() => {
  output = mkdtempSync(join(tmpdir(), 'racedesk-logscan-'));
  mkdirSync(logsDirOf(output), { recursive: true });
});

afterEach(() => {
  rmSync(output, { recursive: true, force: true });
});

const empty = (): PersonalValues => ({
  names: new Set(),
  emails: new Set(),
  mobiles: new Set(),
  birthDates: new Set(),
});

const logLines = [
  'late entry stored for Tuva Testesen',
  '{"msg":"corrected","name":"Ola Rettesen-Holm","mobile":"+47 987 65 432"}',
  `export by ${e2eOperator.name}`,
  'born 14.03.1987',
].join('\n');

describe('the log scan of typed values', () => {
  it('finds the names, mobile and birth date the tests registered, and the operator', () => {
    registerTypedValues(
      { names: ['Tuva Testesen'], birthDates: ['14.03.1987'] },
      output,
    );
    registerTypedValues(
      { names: ['Ola Rettesen-Holm'], mobiles: ['98765432'] },
      output,
    );
    writeFileSync(join(logsDirOf(output), 'host.log'), logLines);
    const values = empty();

    expect(addTypedValues(values, output)).toBe(5);
    const { files, findings } = scanLogs(logsDirOf(output), values);

    // The list of typed values is no log of the run.
    expect(files).toEqual(['host.log']);
    expect(findings.map((f) => [f.line, f.kind, f.value])).toEqual([
      [1, 'full name', 'tuva testesen'],
      [2, 'full name', 'ola rettesen-holm'],
      [2, 'mobile', '4798765432'],
      [3, 'full name', e2eOperator.name.toLowerCase()],
      [4, 'birth date', '14.03.1987'],
    ]);
  });

  it('finds only the operator when nothing was registered', () => {
    writeFileSync(join(logsDirOf(output), 'host.log'), logLines);
    const values = empty();

    expect(addTypedValues(values, output)).toBe(1);
    const { findings } = scanLogs(logsDirOf(output), values);

    expect(findings.map((f) => f.line)).toEqual([3]);
  });
});
