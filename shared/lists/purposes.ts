// The lists the organizer may hand out, each with the one purpose it serves
// and an allow-list of the columns that purpose needs (DOMAIN.md, "Lists
// the organizer may publish or hand over"). A list never carries a column
// that is not on its allow-list; only the organizer's own list has a
// column chooser, and it can only narrow that list.
//
// Who is on which list, and why:
// - participant-list: everyone, deregistered people too (the organizer
//   works on them; the status column says so), with every exercise.
// - external-list: active people with their active exercises only; a
//   deregistered person is not published.
// - license-list: active people who hold a license (Lisens J or a license
//   number); a deregistered person will not start and needs no check.
// - media-list: active people who reserved against photos, video,
//   streaming or live feed; nobody else. Its columns are the bib and the
//   kinds of reservation, no name: a photographer, a streaming crew or the
//   live results operator recognises a person by the bib they wear (the
//   issue asks for "the bibs of participants who reserved"), and DOMAIN.md
//   asks only that the reservation follows into their lists. A name would
//   tell whoever the list is forwarded to who asked not to be shown. A
//   person who has no bib yet is a row with an empty bib, so the count
//   still says how many reserved; export again once bibs are handed out.
// - checkin-list: one row per active person and class they start in (a
//   person in two classes is in both classes' lists); deregistered entries
//   are not expected at the desk.

import { fail, ok, type Result } from '../contract/result';
import type { ParticipantView } from '../desk/state';
import type { Entry } from '../domain/participant';
import type { Lang } from '../i18n/problems';
import {
  type ColumnId,
  columnById,
  type ListColumn,
  type ListRow,
} from './columns';
import { licenseNumber, reserved } from './fieldText';

export const listPurposeIds = [
  'participant-list',
  'external-list',
  'license-list',
  'media-list',
  'checkin-list',
] as const;

export type ListPurposeId = (typeof listPurposeIds)[number];

export const isListPurposeId = (value: string): value is ListPurposeId =>
  listPurposeIds.some((id) => id === value);

export type ListPurpose = {
  id: ListPurposeId;
  title: Record<Lang, string>;
  /** The columns the purpose needs, in list order: the allow-list. */
  columns: readonly ColumnId[];
  /** Only the organizer's own list lets the user pick columns. */
  chooser: boolean;
  /** Made only when the organizer has allowed it. */
  needsPermission: boolean;
  /** The rows one participant gives; [] when they are not on the list. */
  rows: (view: ParticipantView) => ListRow[];
  compare: (a: ListRow, b: ListRow) => number;
};

// One collator for every comparison: a locale argument per comparison
// builds a new one each time, which sorting 50,000 names cannot afford.
const collator = new Intl.Collator('nb', { numeric: true });

const byName = (a: ListRow, b: ListRow) =>
  collator.compare(a.view.participant.lastName, b.view.participant.lastName) ||
  collator.compare(a.view.participant.firstName, b.view.participant.firstName);

const firstClass = (row: ListRow) => row.entries[0]?.className ?? '';

const byClassThenName = (a: ListRow, b: ListRow) =>
  collator.compare(firstClass(a), firstClass(b)) || byName(a, b);

// People without a bib go last: the photographer looks bibs up.
const byBibThenName = (a: ListRow, b: ListRow) => {
  const bibA = a.view.state.bib;
  const bibB = b.view.state.bib;
  if ((bibA === '') !== (bibB === '')) return bibA === '' ? 1 : -1;
  return collator.compare(bibA, bibB) || byName(a, b);
};

const isActive = (view: ParticipantView) =>
  view.participant.status === 'active';

const activeEntries = (view: ParticipantView): Entry[] =>
  view.participant.entries.filter((entry) => entry.status === 'active');

const personRow = (view: ParticipantView): ListRow[] =>
  isActive(view) ? [{ view, entries: activeEntries(view) }] : [];

const hasLicense = ({ participant }: ParticipantView) =>
  participant.license.hasLicense || licenseNumber(participant) !== '';

const mediaKinds = ['photo', 'video', 'streaming', 'liveFeed'] as const;

const hasReservation = ({ participant }: ParticipantView) =>
  mediaKinds.some((kind) => reserved(participant, kind));

const classRows = (view: ParticipantView): ListRow[] => {
  if (!isActive(view)) return [];
  const byClass = new Map<string, Entry[]>();
  for (const entry of activeEntries(view)) {
    const list = byClass.get(entry.className) ?? [];
    list.push(entry);
    byClass.set(entry.className, list);
  }
  return [...byClass.values()].map((entries) => ({ view, entries }));
};

export const listPurposes = {
  'participant-list': {
    id: 'participant-list',
    title: { nb: 'Deltakerliste (arrangør)', en: 'Participant list' },
    columns: [
      'personId',
      'buypassId',
      'registrationId',
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
      'exercises',
      'status',
      'lateEntry',
      'bib',
      'chip',
      'checkedIn',
      'checkedInAt',
      'comment',
      'hasLicense',
      'licenseProduct',
      'licenseNumber',
      'registrar',
      'registrarEmail',
      'registrationType',
      'registeredAt',
      'deregisteredAt',
      'paid',
      'amountPaid',
      'paymentMethod',
      'transactionId',
      'payments',
      'products',
      'answers',
      'messages',
      'updatesConsent',
      'photoConsent',
      'videoConsent',
      'streamingConsent',
      'liveFeedConsent',
    ],
    chooser: true,
    needsPermission: false,
    rows: (view) => [{ view, entries: view.participant.entries }],
    compare: byName,
  },
  'external-list': {
    id: 'external-list',
    title: { nb: 'Deltakerliste (ekstern)', en: 'External participant list' },
    columns: ['fullName', 'club', 'exercises'],
    chooser: false,
    needsPermission: true,
    rows: personRow,
    compare: byName,
  },
  'license-list': {
    id: 'license-list',
    title: { nb: 'Lisenskontroll', en: 'License check list' },
    columns: [
      'fullName',
      'club',
      'licenseProduct',
      'licensePurchasedAt',
      'licenseNumber',
    ],
    chooser: false,
    needsPermission: false,
    rows: (view) => (hasLicense(view) ? personRow(view) : []),
    compare: byName,
  },
  'media-list': {
    id: 'media-list',
    title: { nb: 'Mediereservasjoner', en: 'Media reservations' },
    columns: [
      'bib',
      'photoReserved',
      'videoReserved',
      'streamingReserved',
      'liveFeedReserved',
    ],
    chooser: false,
    needsPermission: false,
    rows: (view) => (hasReservation(view) ? personRow(view) : []),
    compare: byBibThenName,
  },
  'checkin-list': {
    id: 'checkin-list',
    title: { nb: 'Innsjekk per klasse', en: 'Check-in by class' },
    columns: ['className', 'fullName', 'bib', 'checkedIn', 'checkedInAt'],
    chooser: false,
    needsPermission: false,
    rows: classRows,
    compare: byClassThenName,
  },
} as const satisfies Record<ListPurposeId, ListPurpose>;

export type ListOptions = {
  /** Column ids from the chooser, in the order wanted. */
  columns?: readonly string[];
  /** The organizer has turned the external list on. */
  allowExternal?: boolean;
};

export type ListPlan = {
  purpose: ListPurpose;
  columns: ListColumn[];
};

const columnsOf = (ids: readonly string[]): ListColumn[] =>
  ids.flatMap((id) => {
    const found = columnById(id);
    return found ? [found] : [];
  });

const chosenColumns = (
  purpose: ListPurpose,
  chosen: readonly string[],
): Result<ListColumn[]> => {
  if (!purpose.chooser) {
    return fail(
      'columns-fixed',
      `${purpose.id} has fixed columns (${purpose.columns.join(', ')}); ` +
        'only participant-list takes a column choice',
      { list: purpose.id },
    );
  }
  if (chosen.length === 0) {
    return fail('no-columns', 'Choose at least one column', {
      list: purpose.id,
    });
  }
  const allowed: readonly string[] = purpose.columns;
  const unknown = chosen.filter((id) => !allowed.includes(id));
  if (unknown.length > 0) {
    return fail(
      'unknown-column',
      `Unknown column ${unknown.map((id) => `"${id}"`).join(', ')} for ` +
        `${purpose.id}; known columns: ${allowed.join(', ')}`,
      { list: purpose.id, columns: unknown },
    );
  }
  return ok(columnsOf([...new Set(chosen)]));
};

/** The purpose and columns of a list, or why it may not be made. */
export const planList = (
  id: string,
  options: ListOptions = {},
): Result<ListPlan> => {
  if (!isListPurposeId(id)) {
    return fail(
      'unknown-list',
      `Unknown list "${id}"; lists: ${listPurposeIds.join(', ')}`,
      { list: id },
    );
  }
  const purpose: ListPurpose = listPurposes[id];
  if (purpose.needsPermission && options.allowExternal !== true) {
    return fail(
      'list-not-allowed',
      `${id} is made only when the organizer has allowed an external ` +
        'participant list',
      { list: id },
    );
  }
  if (options.columns === undefined) {
    return ok({ purpose, columns: columnsOf(purpose.columns) });
  }
  const chosen = chosenColumns(purpose, options.columns);
  return chosen.ok ? ok({ purpose, columns: chosen.value }) : chosen;
};
