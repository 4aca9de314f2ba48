// `racedesk check FILE.xlsx`: what importing an iSonen export would do,
// without a desk. Exit 0 when it can be imported (warnings allowed), 1 when
// rows have errors, 2 when the file cannot be read.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readSheet } from '../node/xlsx/readSheet';
import { summaryLabels } from '../shared/i18n/problems';
import { foldSheet } from '../shared/isonen/fold';
import { checkJson, checkText, hasErrors } from './checkReport';
import { type Command, exitCodes } from './command';
import { langOption } from './locale';

const usage = 'racedesk check FILE.xlsx [--json] [--lang nb|en]';

const readBytes = async (path: string) => {
  try {
    return { ok: true as const, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false as const, message: detail };
  }
};

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check an iSonen participant export (.xlsx) before importing it',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, lang: { type: 'string' } },
      allowPositionals: true,
    });
    const lang = langOption(values.lang, io.env);
    const [path, ...rest] = positionals;
    if (lang === null || path === undefined || rest.length > 0) {
      io.err(`Usage: ${usage}\n`);
      return exitCodes.unusable;
    }

    const unreadable = (code: string, message: string) => {
      if (values.json)
        io.out(`${JSON.stringify({ error: { code, message } })}\n`);
      else io.err(`${summaryLabels[lang].unreadable}: ${message}\n`);
      return exitCodes.unusable;
    };
    const file = await readBytes(path);
    if (!file.ok) return unreadable('unreadable-file', file.message);
    const read = await readSheet(file.bytes, basename(path));
    if (!read.ok) return unreadable(read.error.code, read.error.message);

    const fold = foldSheet(read.value, { eventId: 'check' });
    if (values.json) {
      io.out(`${JSON.stringify(checkJson(fold, lang), null, 2)}\n`);
    } else {
      io.out(checkText(read.value, fold, lang));
    }
    return hasErrors(fold) ? exitCodes.problems : exitCodes.ok;
  },
};
