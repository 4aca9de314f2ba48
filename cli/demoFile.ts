// `racedesk demo-file`: writes a made-up iSonen export, for people trying
// the desk and for tests and benchmarks that need a real .xlsx.

import { parseArgs } from 'node:util';
import { writeSheet } from '../node/xlsx/writeSheet';
import { demoExport } from '../shared/demo/demoExport';
import { type Command, exitCodes } from './command';

const usage =
  'racedesk demo-file --out FILE.xlsx [--participants N] [--seed S] ' +
  '[--event-date yyyy-mm-dd]';

/** A whole number >= min from an option, the fallback if absent, or null. */
const wholeNumber = (
  text: string | undefined,
  fallback: number,
  min: number,
) => {
  if (text === undefined) return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= min ? value : null;
};

export const demoFileCommand: Command = {
  name: 'demo-file',
  summary: 'Write a made-up iSonen participant export (.xlsx)',
  usage,
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        participants: { type: 'string' },
        seed: { type: 'string' },
        'event-date': { type: 'string' },
      },
    });
    const participants = wholeNumber(values.participants, 3000, 1);
    const seed = wholeNumber(values.seed, 2025, 0);
    const eventDate = values['event-date'] ?? '2025-06-14';
    if (
      values.out === undefined ||
      participants === null ||
      seed === null ||
      !/^\d{4}-\d{2}-\d{2}$/.test(eventDate)
    ) {
      io.err(`Usage: ${usage}\n`);
      return exitCodes.unusable;
    }

    const table = demoExport({ participants, seed, eventDate });
    try {
      await writeSheet(table, values.out);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      io.err(`Cannot write ${values.out}: ${detail}\n`);
      return exitCodes.unusable;
    }
    io.out(
      `Wrote ${participants} participants in ${table.rows.length} rows` +
        ` to ${values.out}\n`,
    );
    return exitCodes.ok;
  },
};
