// The list targets of `racedesk convert` (convert.ts reads and folds the
// file): `--to participant-list|external-list|license-list|media-list
// --out LIST.xlsx`, one row per person, each list with only its purpose's
// columns (shared/lists/purposes.ts). Every list written is logged in the
// export log next to it, or in --log.

import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { appendExportLog, exportLogPath } from '../node/lists/exportLog';
import { writeList } from '../node/lists/writeList';
import type { Result } from '../shared/contract/result';
import type { Participant } from '../shared/domain/participant';
import type { Lang } from '../shared/i18n/problems';
import { exportLogEntry } from '../shared/lists/exportLog';
import { cellFormat } from '../shared/lists/format';
import { type ListPlan, planList } from '../shared/lists/purposes';
import { listContent, viewsWithoutDesk } from '../shared/lists/rows';
import { type CliIo, exitCodes } from './command';

/** The lists the CLI makes; check-in status needs a desk's check-ins. */
export const cliLists = [
  'participant-list',
  'external-list',
  'license-list',
  'media-list',
] as const;

export const isCliList = (format: string): boolean =>
  cliLists.some((list) => list === format);

export const listArgs = {
  columns: { type: 'string' },
  'allow-external': { type: 'boolean' },
  log: { type: 'string' },
  operator: { type: 'string' },
} as const;

export const listUsage = [
  'racedesk convert FILE.xlsx --to LIST --out LIST.xlsx [--columns a,b,c]',
  '                 [--allow-external] [--log FILE] [--operator NAME]',
  '',
  "LIST:   participant-list  the organizer's list, every field, deregistered",
  '                          people too; --columns picks some',
  '        external-list     name, club, exercises; only with',
  '                          --allow-external (the organizer allowed it)',
  '        license-list      name, club, license product, purchase, number',
  '        media-list        bib and reservation kinds of those who reserved',
  '',
  'Each list is logged (who, when, list, fields, people) in',
  'racedesk-export-log.jsonl next to --out, or in --log.',
].join('\n');

export type ListArgs = {
  columns?: string;
  'allow-external'?: boolean;
  log?: string;
  operator?: string;
  out?: string;
};

/** What the command line asks for, or why that list cannot be made. */
export const planCliList = (format: string, args: ListArgs): Result<ListPlan> =>
  planList(format, {
    columns: args.columns?.split(',').map((id) => id.trim()),
    allowExternal: args['allow-external'] === true,
  });

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

const operatorOf = (args: ListArgs, env: CliIo['env']) =>
  args.operator ?? env.USER ?? env.USERNAME ?? 'unknown';

/** Writes the list and its log entry; resolves to the exit code. */
export const writeCliList = async (
  plan: ListPlan,
  participants: Participant[],
  args: ListArgs,
  context: { io: CliIo; lang: Lang },
): Promise<number> => {
  const { io, lang } = context;
  if (args.out === undefined) {
    io.err(`${plan.purpose.id} needs --out LIST.xlsx\n`);
    return exitCodes.unusable;
  }
  const content = listContent(
    plan,
    viewsWithoutDesk(participants),
    cellFormat(lang),
  );
  try {
    await writeList(content, args.out, plan.purpose.title[lang].slice(0, 31));
  } catch (error) {
    io.err(`${errorText(error)}\n`);
    return exitCodes.unusable;
  }
  const logPath = args.log ?? exportLogPath(dirname(args.out));
  const logged = await appendExportLog(
    logPath,
    exportLogEntry(content, {
      at: new Date().toISOString(),
      by: operatorOf(args, io.env),
      list: plan.purpose.id,
      file: basename(args.out),
    }),
  );
  if (!logged.ok) {
    // A list nobody can account for must not stay behind.
    await rm(args.out, { force: true });
    io.err(`${logged.error.message}; ${args.out} removed\n`);
    return exitCodes.unusable;
  }
  io.err(
    `${plan.purpose.id}: ${content.people} people, ` +
      `${content.headers.length} columns -> ${args.out} ` +
      `(logged in ${logPath})\n`,
  );
  return exitCodes.ok;
};
