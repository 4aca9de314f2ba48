// Argument checks for the exports area (shared/contract/exports.ts). What
// arrives is `unknown`; a bad request gets an error naming the field, and
// for a list's cells the row and column.

import type {
  ExportRequestName,
  ExportRequests,
  PrintListArgs,
} from '../../shared/contract/exports';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { Lang } from '../../shared/i18n/problems';
import { isListPurposeId } from '../../shared/lists/purposes';
import { countRowsText, rowsOfText } from '../../shared/lists/rowsText';

/** 50,000 people in two classes each, with room to spare. */
export const maxListRows = 200_000;
/** The organizer's full list of 50,000 is ~20 MB; frames stop at 101 MB. */
export const maxListBytes = 90 * 1024 * 1024;
/** The organizer's list has 45; a list never needs more than all of them. */
export const maxListColumns = 100;
const maxTextLength = 200;

type Check<K extends ExportRequestName> = (
  args: unknown,
) => Result<ExportRequests[K]['args']>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (name: ExportRequestName, field: string, message: string) =>
  fail('invalid-arguments', `${name}: ${field} ${message}`, { name, field });

const shortText = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  value.length <= maxTextLength;

const isLang = (value: unknown): value is Lang =>
  value === 'nb' || value === 'en';

const checkWriteList: Check<'exports:write-list'> = (args) => {
  const name = 'exports:write-list';
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  const { list, columns, lang, rows, people, event, by } = args;

  if (typeof list !== 'string' || !isListPurposeId(list)) {
    return invalid(name, 'list', 'must be one of the lists with a purpose');
  }
  if (
    !Array.isArray(columns) ||
    columns.length === 0 ||
    columns.length > maxListColumns ||
    columns.some((id) => typeof id !== 'string')
  ) {
    return invalid(name, 'columns', 'must be a list of column ids');
  }
  if (!isLang(lang)) return invalid(name, 'lang', "must be 'nb' or 'en'");
  if (!isRecord(event) || !shortText(event.id) || !shortText(event.name)) {
    return invalid(name, 'event', 'must have an id and a name');
  }
  if (!shortText(by)) return invalid(name, 'by', 'must name who exports');

  if (!(rows instanceof Uint8Array) || rows.byteLength > maxListBytes) {
    return invalid(
      name,
      'rows',
      `must be the rows as UTF-8 text, at most ${maxListBytes} bytes`,
    );
  }
  if (typeof people !== 'number' || !Number.isInteger(people) || people < 0) {
    return invalid(name, 'people', 'must be a count');
  }
  return ok({
    list,
    columns: columns.map(String),
    lang,
    rows,
    people,
    event: { id: event.id, name: event.name },
    by,
  });
};

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const checkPrint = (
  name: 'exports:log-print' | 'exports:print-pdf',
  args: unknown,
): Result<PrintListArgs> => {
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  const { list, columns, people, rows, event, by } = args;
  if (typeof list !== 'string' || !isListPurposeId(list)) {
    return invalid(name, 'list', 'must be one of the lists with a purpose');
  }
  if (
    !Array.isArray(columns) ||
    columns.length === 0 ||
    columns.length > maxListColumns ||
    columns.some((id) => typeof id !== 'string')
  ) {
    return invalid(name, 'columns', 'must be a list of column ids');
  }
  if (!isCount(people)) return invalid(name, 'people', 'must be a count');
  if (!isCount(rows) || rows > maxListRows || rows < people) {
    return invalid(
      name,
      'rows',
      `must be a count of at least people and at most ${maxListRows}`,
    );
  }
  if (!isRecord(event) || !shortText(event.id) || !shortText(event.name)) {
    return invalid(name, 'event', 'must have an id and a name');
  }
  if (!shortText(by)) return invalid(name, 'by', 'must name who prints');
  return ok({
    list,
    columns: columns.map(String),
    people,
    rows,
    event: { id: event.id, name: event.name },
    by,
  });
};

const checkLogPrint: Check<'exports:log-print'> = (args) =>
  checkPrint('exports:log-print', args);

const checkPrintPdf: Check<'exports:print-pdf'> = (args) =>
  checkPrint('exports:print-pdf', args);

const checkLog: Check<'exports:log'> = (args) => {
  const name = 'exports:log';
  if (args === undefined) return ok({});
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  if (args.eventId === undefined) return ok({});
  if (!shortText(args.eventId)) {
    return invalid(name, 'eventId', 'must be an event id');
  }
  return ok({ eventId: args.eventId });
};

const checkEventId = (name: ExportRequestName, args: unknown) => {
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  if (!shortText(args.eventId)) {
    return invalid(name, 'eventId', 'must be an event id');
  }
  return ok({ eventId: args.eventId });
};

const checkSettings: Check<'exports:settings'> = (args) =>
  checkEventId('exports:settings', args);

const checkSetSettings: Check<'exports:set-settings'> = (args) => {
  const name = 'exports:set-settings';
  const event = checkEventId(name, args);
  if (!event.ok) return event;
  const { allowExternalList, by } = isRecord(args) ? args : {};
  if (typeof allowExternalList !== 'boolean') {
    return invalid(name, 'allowExternalList', 'must be true or false');
  }
  if (!shortText(by)) {
    return invalid(name, 'by', 'must name the operator who changes it');
  }
  return ok({
    eventId: event.value.eventId,
    allowExternalList,
    by,
  });
};

const checkCentralSettings: Check<'exports:central-settings'> = (args) => {
  const name = 'exports:central-settings';
  const event = checkEventId(name, args);
  if (!event.ok) return event;
  const allow = isRecord(args) ? args.allowExternalList : undefined;
  if (typeof allow !== 'boolean' && allow !== null) {
    return invalid(name, 'allowExternalList', 'must be true, false or null');
  }
  return ok({ eventId: event.value.eventId, allowExternalList: allow });
};

export const exportArgumentChecks = {
  'exports:write-list': checkWriteList,
  'exports:log-print': checkLogPrint,
  'exports:print-pdf': checkPrintPdf,
  'exports:log': checkLog,
  'exports:settings': checkSettings,
  'exports:set-settings': checkSetSettings,
  'exports:central-settings': checkCentralSettings,
} satisfies { [K in ExportRequestName]: Check<K> };

export type ListRows = {
  count: number;
  /** The rows, one at a time; each call starts again. */
  cells: () => Iterable<string[]>;
};

/**
 * The rows of exports:write-list, checked: each has a text per column,
 * and there are no fewer rows than people.
 */
export const unpackRows = (
  args: ExportRequests['exports:write-list']['args'],
): Result<ListRows> => {
  const name = 'exports:write-list';
  const text = new TextDecoder().decode(args.rows);
  const count = countRowsText(text, args.columns.length, maxListRows);
  if (!count.ok) {
    const field = String(count.error.data?.field ?? 'rows');
    return fail('invalid-arguments', `${name}: ${count.error.message}`, {
      name,
      field,
    });
  }
  if (args.people > count.value) {
    return invalid(name, 'people', 'is more than the rows');
  }
  return ok({ count: count.value, cells: () => rowsOfText(text) });
};
