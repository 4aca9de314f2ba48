// `racedesk convert FILE.xlsx --to FORMAT`: an iSonen export turned into what
// timing software reads (IOF XML 3.0 start or entry list, OE CSV start
// list), on stdout or into --out. Problems in the file go to stderr with row
// and column; rows with errors are left out. Exit 0 when clean (warnings
// allowed), 1 when rows had errors, 2 when the file cannot be read or the
// command line is wrong.

import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { readSheet } from '../node/xlsx/readSheet';
import {
  entrantsFromParticipants,
  timingClasses,
} from '../shared/formats/timingClasses';
import {
  isTimingListFormat,
  timingListFormats,
  timingListText,
} from '../shared/formats/timingLists';
import { problemMessage, summaryLabels } from '../shared/i18n/problems';
import { foldSheet } from '../shared/isonen/fold';
import { type CliIo, type Command, exitCodes } from './command';
import {
  cliLists,
  isCliList,
  listArgs,
  listUsage,
  planCliList,
  writeCliList,
} from './convertList';
import { langOption } from './locale';

const usage = [
  'racedesk convert FILE.xlsx --to FORMAT [--out FILE] [--event-name NAME]',
  '                 [--exercise NAME]... [--lang nb|en]',
  '',
  'FORMAT: iof-startlist  IOF XML 3.0 StartList',
  '        iof-entrylist  IOF XML 3.0 EntryList',
  '        csv-startlist  OE2010 semicolon CSV start list (UTF-8 with BOM)',
  '',
  'A class in these lists is the class and exercise together ("J 12 60 m").',
  '--exercise keeps only the named exercises (repeat it for more), for one',
  'list per race. The event name defaults to the file name. Deregistered',
  'participants are in no list; rows with errors are left out and reported',
  'on stderr.',
  '',
  listUsage,
].join('\n');

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** createTime: SOURCE_DATE_EPOCH (seconds) when set, for fixed output. */
const creationTime = (env: CliIo['env']): string => {
  const epoch = Number(env.SOURCE_DATE_EPOCH ?? '');
  const fixed = env.SOURCE_DATE_EPOCH !== undefined && Number.isInteger(epoch);
  const time = fixed ? new Date(epoch * 1000) : new Date();
  return `${time.toISOString().slice(0, 19)}Z`;
};

export const runConvert = async (
  args: string[],
  io: CliIo,
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      to: { type: 'string' },
      out: { type: 'string' },
      'event-name': { type: 'string' },
      exercise: { type: 'string', multiple: true },
      lang: { type: 'string' },
      ...listArgs,
    },
    allowPositionals: true,
  });
  const lang = langOption(values.lang, io.env);
  const [path, ...rest] = positionals;
  const format = values.to ?? '';
  if (lang === null || path === undefined || rest.length > 0) {
    io.err(`Usage: ${usage}\n`);
    return exitCodes.unusable;
  }
  const listPlan = isCliList(format) ? planCliList(format, values) : null;
  if (listPlan && !listPlan.ok) {
    io.err(`${listPlan.error.message}\n`);
    return exitCodes.unusable;
  }
  if (!listPlan && !isTimingListFormat(format)) {
    const formats = [...timingListFormats, ...cliLists];
    io.err(`--to must be one of ${formats.join(', ')}\n`);
    io.err(`Usage: ${usage}\n`);
    return exitCodes.unusable;
  }

  const unreadable = (message: string) => {
    io.err(`${summaryLabels[lang].unreadable}: ${message}\n`);
    return exitCodes.unusable;
  };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return unreadable(errorText(error));
  }
  const read = await readSheet(bytes, basename(path));
  if (!read.ok) return unreadable(read.error.message);

  const fold = foldSheet(read.value, { eventId: 'convert' });
  for (const problem of fold.problems) {
    const severity = summaryLabels[lang][problem.severity];
    io.err(`${severity}: ${problemMessage(problem, lang)}\n`);
  }
  if (fold.problems.some((p) => p.code === 'not-an-isonen-export')) {
    return exitCodes.unusable;
  }

  if (listPlan) {
    const done = await writeCliList(listPlan.value, fold.participants, values, {
      io,
      lang,
    });
    const errors = fold.problems.some((p) => p.severity === 'error');
    return done === exitCodes.ok && errors ? exitCodes.problems : done;
  }
  // Checked above; says so to the type checker.
  if (!isTimingListFormat(format)) return exitCodes.unusable;
  const classes = timingClasses(entrantsFromParticipants(fold.participants), {
    exercises: values.exercise ?? [],
  });
  const text = timingListText(format, classes, {
    eventName: values['event-name'] ?? basename(path, extname(path)),
    createdAt: creationTime(io.env),
  });
  if (values.out === undefined) {
    io.out(text);
  } else {
    try {
      await writeFile(values.out, text);
    } catch (error) {
      io.err(`${errorText(error)}\n`);
      return exitCodes.unusable;
    }
    const starts = classes.reduce((sum, c) => sum + c.starts.length, 0);
    const counts = `${starts} starts in ${classes.length} classes`;
    io.err(`${format}: ${counts} -> ${values.out}\n`);
  }
  const errors = fold.problems.some((p) => p.severity === 'error');
  return errors ? exitCodes.problems : exitCodes.ok;
};

export const convertCommand: Command = {
  name: 'convert',
  summary: 'Timing lists, or lists with a purpose, from an iSonen export',
  usage,
  run: runConvert,
};
