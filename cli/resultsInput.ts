// What `racedesk results` reads besides the start list: passings as JSON
// lines (`racedesk device decode` output) and the race setup as JSON.
// A bad line is reported with its line number and left out; a bad setup
// stops the command, naming the field.

import { fail, ok, type Result } from '../shared/contract/result';
import { parseRaceSetup } from '../shared/results/setup';
import type { RaceSetup, ResultPassing } from '../shared/results/types';

export type PassingsRead = {
  passings: ResultPassing[];
  /** Line number (1-based) of each passing, for reports. */
  lines: number[];
  problems: string[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A card or bib number may come as a JSON number. */
const identity = (value: unknown): string | undefined | null => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) {
    return String(value);
  }
  return null;
};

const readLine = (value: unknown): Result<ResultPassing> => {
  if (!isRecord(value)) return fail('bad-passing', 'not a JSON object');
  const { station, time } = value;
  if (typeof station !== 'number' && typeof station !== 'string') {
    return fail('bad-passing', 'station must be a number or text');
  }
  if (typeof time !== 'string') {
    return fail('bad-passing', 'time must be text like "10:31:02.125"');
  }
  const chip = identity(value.chip);
  const bib = identity(value.bib);
  if (chip === null) return fail('bad-passing', 'chip must be a card number');
  if (bib === null) return fail('bad-passing', 'bib must be a number or text');
  return ok({
    ...(chip === undefined ? {} : { chip }),
    ...(bib === undefined ? {} : { bib }),
    station,
    time,
  });
};

export const readPassings = (text: string, fileName: string): PassingsRead => {
  const read: PassingsRead = { passings: [], lines: [], problems: [] };
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${fileName} line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      read.problems.push(`${where}: not JSON`);
      return;
    }
    // Device messages (card readouts, status) share the stream: skip them.
    if (
      isRecord(value) &&
      value.kind !== undefined &&
      value.kind !== 'passing'
    ) {
      return;
    }
    const passing = readLine(value);
    if (!passing.ok) {
      read.problems.push(`${where}: ${passing.error.message}`);
      return;
    }
    read.passings.push(passing.value);
    read.lines.push(index + 1);
  });
  return read;
};

export const readSetup = (
  text: string,
  fileName: string,
): Result<RaceSetup> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('invalid-setup', `${fileName}: not JSON (${detail})`);
  }
  const setup = parseRaceSetup(value);
  return setup.ok
    ? setup
    : fail('invalid-setup', `${fileName}: ${setup.error.message}`);
};
