// `racedesk results --start-list FILE.xlsx --passings FILE.jsonl`: results
// computed from an iSonen export and a decoded capture (`racedesk device
// decode` output), for rehearsals. The same computation as the desk
// (shared/results); out as an IOF result list, Excel or text.
// Exit 0 when clean, 1 when input lines were left out, 2 when a file
// cannot be read or the command line is wrong.

import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { writeResultsXlsx } from '../node/results/writeResults';
import { readSheet } from '../node/xlsx/readSheet';
import {
  identitiesFromClasses,
  resultListText,
} from '../shared/formats/resultList';
import {
  entrantsFromParticipants,
  firstStartDate,
  timingClasses,
} from '../shared/formats/timingClasses';
import { problemMessage } from '../shared/i18n/problems';
import { foldSheet } from '../shared/isonen/fold';
import { computeResults } from '../shared/results/compute';
import { resultText } from '../shared/results/resultTable';
import { defaultRaceSetup } from '../shared/results/setup';
import { startersFromClasses } from '../shared/results/starters';
import type { ResultList } from '../shared/results/types';
import { type CliIo, type Command, exitCodes } from './command';
import { langOption } from './locale';
import { readPassings, readSetup } from './resultsInput';

const formats = ['iof-resultlist', 'xlsx', 'text'] as const;
type Format = (typeof formats)[number];

const usage = [
  'racedesk results --start-list FILE.xlsx --passings FILE.jsonl',
  '                 --to iof-resultlist|xlsx|text [--setup setup.json]',
  '                 [--out FILE] [--event-name NAME] [--event-date YYYY-MM-DD]',
  '                 [--exercise NAME]... [--live] [--lang nb|en]',
  '',
  'Passings are JSON lines with chip or bib, station and time',
  '(`racedesk device decode` prints them). The setup says how classes start',
  '(mass, interval, start-list, punch), the finish station, the course and',
  'status overrides; without one, everyone starts at their start-list time',
  'and finishes on the Timy channel c1. A course is "requiredControls", the',
  'control codes in course order, with "controlOrder": "in-order" (default)',
  'or "any-order"; a finisher who lacks one is MP (missing punch), e.g.',
  '  {"classes": {"H 21": {"requiredControls": [31, 32, 33]}}}',
  '--live shows runners without a finish as on the course instead of',
  'DNS/DNF. xlsx needs --out. Passings that match nobody go to stderr.',
].join('\n');

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

const isFormat = (text: string): text is Format =>
  (formats as readonly string[]).includes(text);

const creationTime = (env: CliIo['env']): string => {
  const epoch = Number(env.SOURCE_DATE_EPOCH ?? '');
  const fixed = env.SOURCE_DATE_EPOCH !== undefined && Number.isInteger(epoch);
  const time = fixed ? new Date(epoch * 1000) : new Date();
  return `${time.toISOString().slice(0, 19)}Z`;
};

const shownUnmatched = 20;

const reportUnmatched = (list: ResultList, lines: number[], io: CliIo) => {
  for (const { index, passing, reason } of list.unmatched.slice(
    0,
    shownUnmatched,
  )) {
    const who = passing.chip
      ? `chip ${passing.chip}`
      : `bib ${passing.bib ?? '-'}`;
    io.err(
      `matched nobody: line ${lines[index] ?? '?'} ${who} at ${passing.station} ${passing.time} (${reason})\n`,
    );
  }
  const more = list.unmatched.length - shownUnmatched;
  if (more > 0) io.err(`matched nobody: ${more} more passings\n`);
};

/** A start counts as checked in when iSonen's own check-in status says so. */
const checkedInAtSource = (status: string) =>
  /^sjekket inn$/i.test(status.trim());

export const runResults = async (
  args: string[],
  io: CliIo,
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'start-list': { type: 'string' },
      passings: { type: 'string' },
      setup: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      'event-name': { type: 'string' },
      'event-date': { type: 'string' },
      exercise: { type: 'string', multiple: true },
      live: { type: 'boolean' },
      lang: { type: 'string' },
    },
    allowPositionals: true,
  });
  const lang = langOption(values.lang, io.env);
  const startList = values['start-list'];
  const passingsPath = values.passings;
  const format = values.to ?? '';
  const wrong = (message: string) => {
    io.err(`${message}\nUsage: ${usage}\n`);
    return exitCodes.unusable;
  };
  if (lang === null || positionals.length > 0) return wrong('');
  if (!startList || !passingsPath) {
    return wrong('--start-list and --passings are both needed');
  }
  if (!isFormat(format))
    return wrong(`--to must be one of ${formats.join(', ')}`);
  if (format === 'xlsx' && values.out === undefined) {
    return wrong('--to xlsx writes a file: give --out FILE.xlsx');
  }
  const eventDate = values['event-date'];
  if (eventDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) {
    return wrong('--event-date must be YYYY-MM-DD');
  }

  let sheetBytes: Uint8Array;
  let passingsText: string;
  let setupText: string | undefined;
  try {
    sheetBytes = new Uint8Array(await readFile(startList));
    passingsText = await readFile(passingsPath, 'utf8');
    if (values.setup) setupText = await readFile(values.setup, 'utf8');
  } catch (error) {
    io.err(`${errorText(error)}\n`);
    return exitCodes.unusable;
  }
  const setup =
    setupText === undefined || values.setup === undefined
      ? { ok: true as const, value: defaultRaceSetup }
      : readSetup(setupText, basename(values.setup));
  if (!setup.ok) {
    io.err(`${setup.error.message}\n`);
    return exitCodes.unusable;
  }
  const sheet = await readSheet(sheetBytes, basename(startList));
  if (!sheet.ok) {
    io.err(`${basename(startList)}: ${sheet.error.message}\n`);
    return exitCodes.unusable;
  }
  const fold = foldSheet(sheet.value, { eventId: 'results' });
  const fatal = fold.problems.filter((p) => p.severity === 'error');
  for (const problem of fatal) io.err(`${problemMessage(problem, lang)}\n`);
  if (fold.problems.some((p) => p.code === 'not-an-isonen-export')) {
    return exitCodes.unusable;
  }

  const read = readPassings(passingsText, basename(passingsPath));
  for (const problem of read.problems) io.err(`${problem}\n`);
  const classes = timingClasses(entrantsFromParticipants(fold.participants), {
    exercises: values.exercise ?? [],
  });
  const byId = new Map(fold.participants.map((p) => [p.id, p]));
  const list = computeResults({
    setup: setup.value,
    starters: startersFromClasses(classes, (id) =>
      checkedInAtSource(byId.get(id)?.sourceCheckInStatus ?? ''),
    ),
    passings: read.passings,
    closed: values.live !== true,
  });
  reportUnmatched(list, read.lines, io);

  const options = {
    eventName: values['event-name'] ?? basename(startList, extname(startList)),
    eventDate: eventDate ?? firstStartDate(classes),
    createdAt: creationTime(io.env),
    identities: identitiesFromClasses(classes),
  };
  try {
    if (format === 'xlsx' && values.out !== undefined) {
      await writeResultsXlsx(list, values.out, lang);
    } else {
      const text =
        format === 'text'
          ? `${resultText(list, lang)}\n`
          : resultListText(list, options);
      if (values.out === undefined) io.out(text);
      else await writeFile(values.out, text);
    }
  } catch (error) {
    io.err(`${errorText(error)}\n`);
    return exitCodes.unusable;
  }
  const starts = list.classes.reduce((n, c) => n + c.results.length, 0);
  io.err(
    `results: ${starts} starts in ${list.classes.length} classes, ` +
      `${read.passings.length} passings, ${list.unmatched.length} matched nobody\n`,
  );
  return read.problems.length > 0 || fatal.length > 0
    ? exitCodes.problems
    : exitCodes.ok;
};

export const resultsCommand: Command = {
  name: 'results',
  summary: 'Results from a start list and decoded passings, for rehearsals',
  usage,
  run: runResults,
};
