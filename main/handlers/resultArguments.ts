// Argument checks for the results area (shared/contract/results.ts). A
// result list is checked against its JSON schema (shared/results/schema.ts,
// the same one the central service uses); errors name the field's path.

import { Ajv, type ValidateFunction } from 'ajv';
import { fail, ok, type Result } from '../../shared/contract/result';
import {
  type ResultRequestName,
  type ResultRequests,
  resultFileFormats,
} from '../../shared/contract/results';
import { isTimingListFormat } from '../../shared/formats/timingLists';
import {
  classResultSchema,
  finishersSchema,
  identitiesSchema,
  maxResultStarts,
  resultListSchema,
} from '../../shared/results/schema';

const ajv = new Ajv({ allErrors: false, coerceTypes: false });

const validators = {
  list: ajv.compile(resultListSchema),
  identities: ajv.compile(identitiesSchema),
  finishers: ajv.compile(finishersSchema),
  classResult: ajv.compile(classResultSchema),
};

type Check<K extends ResultRequestName> = (
  args: unknown,
) => Result<ResultRequests[K]['args']>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (name: ResultRequestName, field: string, message: string) =>
  fail('invalid-arguments', `${name}: ${field} ${message}`, { name, field });

/** The value when the schema holds; else where it first breaks. */
const checked = <T>(
  name: ResultRequestName,
  field: string,
  validate: ValidateFunction,
  value: unknown,
): Result<T> => {
  if (validate(value)) return ok(value as T);
  const [error] = validate.errors ?? [];
  return invalid(
    name,
    `${field}${error?.instancePath ?? ''}`,
    error?.message ?? 'is not valid',
  );
};

const shortText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** A bare file name: no folders, nothing that climbs out of exports/. */
const isFileName = (value: unknown): value is string =>
  shortText(value, 200) && !/[/\\:\0]/.test(value) && !value.startsWith('.');

/** 50,000 people in an IOF entry list are about 40 MB; frames stop at 101. */
export const maxStartListBytes = 90 * 1024 * 1024;

const isEvent = (
  event: unknown,
): event is { id: string; name: string; date: string } =>
  isRecord(event) &&
  shortText(event.id, 200) &&
  typeof event.name === 'string' &&
  event.name.length <= 200 &&
  typeof event.date === 'string' &&
  /^(\d{4}-\d{2}-\d{2})?$/.test(event.date);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const checkWrite: Check<'results:write'> = (args) => {
  const name = 'results:write';
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  const { format, fileName, event, lang, by } = args;
  const formatOk = resultFileFormats.find((known) => known === format);
  if (!formatOk) {
    return invalid(name, 'format', `must be ${resultFileFormats.join(' or ')}`);
  }
  if (!isFileName(fileName)) {
    return invalid(name, 'fileName', 'must be a file name without folders');
  }
  if (!isEvent(event)) {
    return invalid(name, 'event', 'must have an id, a name and a date');
  }
  if (lang !== 'nb' && lang !== 'en') {
    return invalid(name, 'lang', 'must be nb or en');
  }
  if (!shortText(by, 200)) return invalid(name, 'by', 'must name who writes');
  const list = checked<ResultRequests[typeof name]['args']['list']>(
    name,
    'list',
    validators.list,
    args.list,
  );
  if (!list.ok) return list;
  const starts = list.value.classes.reduce((n, c) => n + c.results.length, 0);
  if (starts > maxResultStarts) {
    return invalid(name, 'list', `has over ${maxResultStarts} results`);
  }
  const identities = checked<ResultRequests[typeof name]['args']['identities']>(
    name,
    'identities',
    validators.identities,
    args.identities,
  );
  if (!identities.ok) return identities;
  return ok({
    format: formatOk,
    fileName,
    event: { id: event.id, name: event.name, date: event.date },
    lang,
    list: list.value,
    identities: identities.value,
    by,
  });
};

const checkWriteStartList: Check<'results:write-start-list'> = (args) => {
  const name = 'results:write-start-list';
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  const { format, event, text, people, rows, by } = args;
  if (typeof format !== 'string' || !isTimingListFormat(format)) {
    return invalid(
      name,
      'format',
      'must be iof-startlist, iof-entrylist or csv-startlist',
    );
  }
  if (!isEvent(event)) {
    return invalid(name, 'event', 'must have an id, a name and a date');
  }
  if (
    !(text instanceof Uint8Array) ||
    text.byteLength === 0 ||
    text.byteLength > maxStartListBytes
  ) {
    return invalid(
      name,
      'text',
      `must be the file as UTF-8, at most ${maxStartListBytes} bytes`,
    );
  }
  if (!isCount(people)) return invalid(name, 'people', 'must be a count');
  if (!isCount(rows)) return invalid(name, 'rows', 'must be a count');
  if (!shortText(by, 200)) return invalid(name, 'by', 'must name who writes');
  return ok({
    format,
    event: { id: event.id, name: event.name, date: event.date },
    text,
    people,
    rows,
    by,
  });
};

const checkDisplay: Check<'results:display'> = (args) => {
  const name = 'results:display';
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  if (!shortText(args.device, 100)) {
    return invalid(name, 'device', 'must name a device');
  }
  const finishers = checked<ResultRequests[typeof name]['args']['finishers']>(
    name,
    'finishers',
    validators.finishers,
    args.finishers,
  );
  return finishers.ok
    ? ok({ device: args.device, finishers: finishers.value })
    : finishers;
};

const checkPrint: Check<'results:print'> = (args) => {
  const name = 'results:print';
  if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
  if (!shortText(args.device, 100)) {
    return invalid(name, 'device', 'must name a device');
  }
  const classResult = checked<
    ResultRequests[typeof name]['args']['classResult']
  >(name, 'classResult', validators.classResult, args.classResult);
  return classResult.ok
    ? ok({ device: args.device, classResult: classResult.value })
    : classResult;
};

export const resultArgumentChecks = {
  'results:write': checkWrite,
  'results:write-start-list': checkWriteStartList,
  'results:display': checkDisplay,
  'results:print': checkPrint,
} satisfies { [K in ResultRequestName]: Check<K> };
