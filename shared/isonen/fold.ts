// The export has one row per participant and exercise; the desk wants one
// participant per person. foldSheet reads the rows in one pass and merges
// the rows of each person (found by identity.ts) into one Participant.
// Measured in Node 20 on the 2-core build machine while it was shared
// (load ~14): 50,000 participants in 68,500 rows took 1.1-1.2 s of CPU,
// 0.47 s of it reading cells; the rest is mostly the garbage collector
// moving the ~12 objects each kept participant is made of.

import type { Participant, Registration } from '../domain/participant';
import {
  checkIsonenExport,
  columnHeader,
  type HeaderMap,
  mapHeaders,
} from './headers';
import type { ClassCount, ImportCounts, ImportProblem } from './preview';
import {
  isEmptyRow,
  isPaymentSpill,
  paymentLines,
  type RowContext,
  readRow,
} from './readRow';
import type { SheetRow, SheetTable } from './sheet';

export type SheetFold = {
  participants: Participant[];
  problems: ImportProblem[];
  counts: ImportCounts;
  classes: ClassCount[];
};

export type FoldOptions = {
  eventId: string;
  /** Rows (Excel numbers) the person importing chose to leave out. */
  skipRows?: ReadonlySet<number>;
  /** ISO time stamped on the participants; defaults to the clock. */
  now?: string;
};

const fillEmpty = <T extends object>(
  target: T,
  source: T,
  keys: readonly (keyof T)[],
) => {
  for (const key of keys) {
    if (target[key] === '' && source[key] !== '') target[key] = source[key];
  }
};

const personFields = [
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'country',
  'countryCode',
  'email',
  'mobile',
  'club',
  'clubId',
  'groupId',
  'region',
  'regionId',
  'comment',
  'bib',
  'chip',
  'sourceCheckInStatus',
] as const satisfies readonly (keyof Participant)[];

const addPayments = (registration: Registration, lines: string[]) => {
  for (const line of lines) {
    if (!registration.payments.includes(line)) registration.payments.push(line);
  }
};

/** Adds a later row of the same person; returns the row's registration. */
const mergeInto = (
  person: Participant,
  row: Participant,
  registration: Registration,
): Registration => {
  fillEmpty(person, row, personFields);
  fillEmpty(person.license, row.license, ['seasonLicense', 'oneDayLicense']);
  person.license.hasLicense ||= row.license.hasLicense;
  fillEmpty(person.consents, row.consents, [
    'photo',
    'video',
    'streaming',
    'liveFeed',
  ]);
  person.updatesConsent ||= row.updatesConsent;
  for (const [header, value] of Object.entries(row.extra)) {
    person.extra[header] ??= value;
  }
  person.entries.push(...row.entries);

  const known = person.registrations.find(
    (r) => r.registrationId === registration.registrationId,
  );
  if (!known) {
    person.registrations.push(registration);
    return registration;
  }
  if (registration.status === 'active') known.status = 'active';
  addPayments(known, registration.payments);
  return known;
};

const identityWarning = (map: HeaderMap): ImportProblem[] =>
  map.columns.personId === undefined &&
  map.columns.buypassId === undefined &&
  map.columns.registrationId === undefined
    ? [
        {
          code: 'missing-column',
          severity: 'warning',
          row: 0,
          column: '',
          field: columnHeader('registrationId'),
          value: '',
          params: {},
        },
      ]
    : [];

const duplicateOf = (
  row: SheetRow,
  person: Participant,
  firstRow: number,
): ImportProblem => {
  const entry = person.entries[0];
  return {
    code: 'duplicate-entry',
    severity: 'error',
    row: row.row,
    column: '',
    field: '',
    value: '',
    params: {
      firstRow,
      exercise: [entry?.className, entry?.exercise].filter(Boolean).join(' '),
    },
  };
};

/**
 * A real duplicate is the same person in the same exercise twice; a
 * deregistered entry next to a new one is a re-entry, not a duplicate.
 */
const activeEntryKey = (person: Participant): string => {
  const entry = person.entries[0];
  if (entry?.status !== 'active') return '';
  return [person.id, entry.className, entry.exercise, entry.date].join(
    '\u0000',
  );
};

const countClasses = (participants: Participant[]): ClassCount[] => {
  const byClass = new Map<string, Set<string>>();
  for (const person of participants) {
    for (const entry of person.entries) {
      const name = entry.className || entry.exercise;
      let members = byClass.get(name);
      if (!members) {
        members = new Set();
        byClass.set(name, members);
      }
      // A class counts the people who will start in it, as the desk does.
      if (entry.status === 'active') members.add(person.id);
    }
  }
  return [...byClass]
    .map(([name, members]) => ({ name, participants: members.size }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb', { numeric: true }));
};

type FoldState = {
  map: HeaderMap;
  context: RowContext;
  skipRows: ReadonlySet<number>;
  counts: ImportCounts;
  problems: ImportProblem[];
  people: Map<string, Participant>;
  /** person + class + exercise + date -> the row that entered it first */
  seenEntries: Map<string, number>;
  /** Where a payment spill row below attaches; null after a left-out row. */
  lastRegistration: Registration | null;
};

const foldPaymentRow = (state: FoldState, row: SheetRow) => {
  state.counts.paymentRows++;
  const index = state.map.columns.payments ?? 0;
  const lines = paymentLines(row.cells[index] ?? '');
  if (state.lastRegistration) addPayments(state.lastRegistration, lines);
};

const foldRow = (state: FoldState, row: SheetRow) => {
  state.lastRegistration = null;
  const read = readRow(row, state.context);
  state.problems.push(...read.problems);
  if (state.skipRows.has(row.row)) return;
  if (read.problems.some((problem) => problem.severity === 'error')) return;

  const person = read.participant;
  const entryKey = activeEntryKey(person);
  if (entryKey !== '') {
    const firstRow = state.seenEntries.get(entryKey);
    if (firstRow !== undefined) {
      state.problems.push(duplicateOf(row, person, firstRow));
      return;
    }
    state.seenEntries.set(entryKey, row.row);
  }

  const known = state.people.get(person.id);
  if (known) {
    state.lastRegistration = mergeInto(known, person, read.registration);
  } else {
    state.people.set(person.id, person);
    state.lastRegistration = read.registration;
  }
};

const emptyCounts = (): ImportCounts => ({
  rows: 0,
  participants: 0,
  entries: 0,
  deregistered: 0,
  paymentRows: 0,
});

export const foldSheet = (
  table: SheetTable,
  options: FoldOptions,
): SheetFold => {
  const map = mapHeaders(table.headers);
  const counts = emptyCounts();
  const notIsonen = checkIsonenExport(map);
  if (notIsonen) {
    counts.rows = table.rows.length;
    return { participants: [], problems: [notIsonen], counts, classes: [] };
  }

  const now = options.now ?? new Date().toISOString();
  const state: FoldState = {
    map,
    context: { map, headers: table.headers, eventId: options.eventId, now },
    skipRows: options.skipRows ?? new Set<number>(),
    counts,
    problems: identityWarning(map),
    people: new Map(),
    seenEntries: new Map(),
    lastRegistration: null,
  };
  for (const row of table.rows) {
    if (isEmptyRow(row)) continue;
    counts.rows++;
    if (isPaymentSpill(row, map)) foldPaymentRow(state, row);
    else foldRow(state, row);
  }

  const participants = [...state.people.values()];
  for (const person of participants) {
    const active = person.entries.some((entry) => entry.status === 'active');
    person.status = active ? 'active' : 'deregistered';
    counts.entries += person.entries.length;
    if (!active) counts.deregistered++;
  }
  counts.participants = participants.length;

  return {
    participants,
    problems: state.problems,
    counts,
    classes: countClasses(participants),
  };
};
