import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import {
  addLogFile,
  createLogger,
  moduleLogger,
  personalFields,
  redactedText,
} from './log';

const captureLogger = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  return { logger, lines };
};

const person = {
  id: 'p-1',
  firstName: 'Åse',
  lastName: 'Ødegård',
  name: 'Åse Ødegård',
  email: 'ase@example.no',
  mobile: '+47 912 34 567',
  phone: '22 33 44 55',
  birthDate: '2001-02-03',
  registrarName: 'Per Ødegård',
  registrarEmail: 'per@example.no',
  club: 'IL Tyrving',
};

describe('createLogger', () => {
  it('censors every personal field at the top level', () => {
    const { logger, lines } = captureLogger();
    logger.info(person, 'checked in');
    const line = lines[0] ?? {};
    for (const field of personalFields) {
      expect(line[field]).toBe(redactedText);
    }
    expect(line.id).toBe('p-1');
    expect(line.club).toBe('IL Tyrving');
  });

  it('censors personal fields nested in objects and lists', () => {
    const { logger, lines } = captureLogger();
    logger.child({ module: 'import' }).warn({
      participant: person,
      participants: [person, person],
      payload: { participant: { registrations: [person] } },
      count: 3,
    });
    const text = JSON.stringify(lines[0]);
    for (const value of ['Åse', 'Ødegård', 'example.no', '912', '2001']) {
      expect(text).not.toContain(value);
    }
    expect(text).toContain('"count":3');
    expect(text).toContain('"module":"import"');
    expect(text).toContain('IL Tyrving');
  });

  it('keeps messages and operational counts intact', () => {
    const { logger, lines } = captureLogger();
    logger.info({ rowsRead: 300, fileName: 'export.xlsx' }, 'sheet read');
    expect(lines[0]).toMatchObject({
      msg: 'sheet read',
      rowsRead: 300,
      fileName: 'export.xlsx',
    });
  });
});

describe('addLogFile', () => {
  it('writes module loggers to the file, censored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'racedesk-log-'));
    const path = join(dir, 'logs', 'racedesk.log');
    addLogFile(path);
    moduleLogger('test').warn({ email: 'kari@example.no', rows: 3 }, 'done');

    // The file stream writes asynchronously; wait for the line to land.
    let text = '';
    for (let i = 0; i < 50 && !text.includes('done'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await readFile(path, 'utf8').catch(() => '');
    }
    expect(text).toContain('"module":"test"');
    expect(text).toContain('"rows":3');
    expect(text).not.toContain('kari@example.no');
    await rm(dir, { recursive: true, force: true });
  });
});
