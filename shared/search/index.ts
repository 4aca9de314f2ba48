// The per-keystroke search over one event's participants. ARCHITECTURE.md:
// `$regex` in IndexedDB takes 300 ms for 50,000 people, so the renderer
// keeps this index in memory and updates it from the change stream.
//
// Each person has one precomputed haystack, "|tok|tok|…|#bib|~year|@pid|",
// and a query token matches when the haystack contains "|" + token (a
// prefix of a word) or, for a number, "|#n|", "|~n|" or "|@n|" (exact). One
// includes() per token over flat strings is about as fast as a scan gets;
// the entries are kept sorted by name so ties need no sort per keystroke.

import type { ParticipantView } from '../desk/state';
import { fold, foldTokens } from './fold';

type Entry = {
  view: ParticipantView;
  haystack: string;
  /** Folded "first last" and "last first", for full-name prefix ranking. */
  firstLast: string;
  lastFirst: string;
  sortKey: string;
};

const numeric = /^[0-9]+$/;

const birthYear = (view: ParticipantView) =>
  view.participant.birthDate.slice(0, 4);

const sortKeyOf = (view: ParticipantView) => {
  const { firstName, lastName, id } = view.participant;
  return `${fold(lastName)}\u0000${fold(firstName)}\u0000${id}`;
};

const entryOf = (view: ParticipantView): Entry => {
  const { participant, state } = view;
  const words = [
    ...foldTokens(participant.firstName),
    ...foldTokens(participant.lastName),
    ...foldTokens(participant.club),
  ];
  const numbers = [
    state.bib === '' ? '' : `#${state.bib}`,
    birthYear(view) === '' ? '' : `~${birthYear(view)}`,
    participant.personId === '' ? '' : `@${participant.personId}`,
  ].filter((n) => n !== '');
  const first = foldTokens(participant.firstName).join(' ');
  const last = foldTokens(participant.lastName).join(' ');
  return {
    view,
    // One join makes one flat string; a template around it would make a
    // rope that every includes() has to walk through (measured: 4x slower).
    haystack: ['', ...words, ...numbers, ''].join('|'),
    firstLast: `${first} ${last}`.trim(),
    lastFirst: `${last} ${first}`.trim(),
    sortKey: sortKeyOf(view),
  };
};

/**
 * What a query token must find in a haystack, computed once per query so
 * the scan allocates nothing: a word prefix, or for a number an exact bib,
 * birth year, person id or whole word.
 */
const needlesOf = (token: string): string[] =>
  numeric.test(token)
    ? [`|#${token}|`, `|~${token}|`, `|@${token}|`, `|${token}|`]
    : [`|${token}`];

const matchesAll = (haystack: string, needles: string[][]) => {
  for (const alternatives of needles) {
    let found = false;
    for (const needle of alternatives) {
      if (haystack.includes(needle)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
};

/** Where a new sort key goes in the sorted entries (binary search). */
const insertionPoint = (entries: Entry[], sortKey: string) => {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const key = entries[middle]?.sortKey ?? '';
    if (key < sortKey) low = middle + 1;
    else high = middle;
  }
  return low;
};

const addTo = <K>(map: Map<K, Set<string>>, key: K, id: string) => {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
};

const removeFrom = <K>(map: Map<K, Set<string>>, key: K, id: string) => {
  const ids = map.get(key);
  ids?.delete(id);
  if (ids?.size === 0) map.delete(key);
};

const scanKeys = (view: ParticipantView) => {
  const { participant, state } = view;
  const registrationIds = new Set([
    ...participant.registrations.map((r) => r.registrationId),
    ...participant.entries.map((e) => e.registrationId),
  ]);
  registrationIds.delete('');
  return {
    registrationIds: [...registrationIds],
    personId: participant.personId,
    bib: state.bib,
  };
};

export type SearchIndex = {
  upsert(view: ParticipantView): void;
  remove(participantId: string): void;
  /** Name words in any order, bib, birth year, person id, club. */
  search(query: string, limit?: number): ParticipantView[];
  /** Exact registration id, person id, bib or participant id: one or null. */
  lookupScan(code: string): ParticipantView | null;
  size(): number;
};

export const createSearchIndex = (
  views: Iterable<ParticipantView> = [],
): SearchIndex => {
  // Sorted by name, and the haystacks in the same order in a plain array:
  // scanning flat strings side by side is what keeps a keystroke cheap.
  const sorted: Entry[] = [];
  const haystacks: string[] = [];
  const byId = new Map<string, Entry>();
  const byRegistration = new Map<string, Set<string>>();
  const byPerson = new Map<string, Set<string>>();
  const byBib = new Map<string, Set<string>>();

  const indexKeys = (view: ParticipantView) => {
    const keys = scanKeys(view);
    const id = view.participant.id;
    for (const r of keys.registrationIds) addTo(byRegistration, r, id);
    if (keys.personId !== '') addTo(byPerson, keys.personId, id);
    if (keys.bib !== '') addTo(byBib, keys.bib, id);
  };

  const unindexKeys = (view: ParticipantView) => {
    const keys = scanKeys(view);
    const id = view.participant.id;
    for (const r of keys.registrationIds) removeFrom(byRegistration, r, id);
    removeFrom(byPerson, keys.personId, id);
    removeFrom(byBib, keys.bib, id);
  };

  const remove = (participantId: string) => {
    const entry = byId.get(participantId);
    if (!entry) return;
    byId.delete(participantId);
    unindexKeys(entry.view);
    let at = insertionPoint(sorted, entry.sortKey);
    if (sorted[at] !== entry) at = sorted.indexOf(entry);
    sorted.splice(at, 1);
    haystacks.splice(at, 1);
  };

  const upsert = (view: ParticipantView) => {
    remove(view.participant.id);
    const entry = entryOf(view);
    byId.set(view.participant.id, entry);
    indexKeys(view);
    const at = insertionPoint(sorted, entry.sortKey);
    sorted.splice(at, 0, entry);
    haystacks.splice(at, 0, entry.haystack);
  };

  // Built in one pass and one sort: upserting 50,000 one by one would
  // splice a growing array 50,000 times. The haystacks are created in name
  // order so the scan walks memory in order: the same strings created in
  // another order and scanned sorted took 4x as long (V8, 50,000 people).
  const latest = new Map<string, ParticipantView>();
  for (const view of views) latest.set(view.participant.id, view);
  const ordered = [...latest.values()]
    .map((view) => ({ view, sortKey: sortKeyOf(view) }))
    .sort((a, b) =>
      a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0,
    );
  for (const { view } of ordered) {
    const entry = entryOf(view);
    byId.set(view.participant.id, entry);
    indexKeys(view);
    sorted.push(entry);
    haystacks.push(entry.haystack);
  }

  const one = (ids: Set<string> | undefined) => {
    if (ids?.size !== 1) return null;
    const [id] = ids;
    return (id !== undefined && byId.get(id)?.view) || null;
  };

  const bibEntries = (bib: string): Entry[] =>
    [...(byBib.get(bib) ?? [])]
      .map((id) => byId.get(id))
      .filter((entry): entry is Entry => entry !== undefined)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));

  const search = (query: string, limit = 50): ParticipantView[] => {
    const tokens = foldTokens(query);
    if (tokens.length === 0 || limit <= 0) return [];
    const phrase = tokens.join(' ');
    const [first = [], ...rest] = tokens.map(needlesOf);
    const single = first.length === 1 ? (first[0] ?? '') : '';
    const bib = tokens.length === 1 && numeric.test(phrase) ? phrase : '';
    const bibHits = bib === '' ? [] : bibEntries(bib);
    const wanted = limit - bibHits.length;
    const nameHits: Entry[] = [];
    const otherHits: Entry[] = [];

    // The hot loop: one includes() per person for a one-word query, over a
    // plain array of flat strings. Everything else runs on matches only.
    for (let i = 0; i < haystacks.length && nameHits.length < wanted; i++) {
      const haystack = haystacks[i] ?? '';
      const hit =
        single === ''
          ? matchesAll(haystack, [first])
          : haystack.includes(single);
      if (!hit || (rest.length > 0 && !matchesAll(haystack, rest))) continue;
      const entry = sorted[i];
      if (!entry || (bib !== '' && entry.view.state.bib === bib)) continue;
      if (
        entry.firstLast.startsWith(phrase) ||
        entry.lastFirst.startsWith(phrase)
      ) {
        nameHits.push(entry);
      } else if (otherHits.length < wanted) {
        otherHits.push(entry);
      }
    }
    return [...bibHits, ...nameHits, ...otherHits]
      .slice(0, limit)
      .map((entry) => entry.view);
  };

  const lookupScan = (code: string): ParticipantView | null => {
    const trimmed = code.trim();
    if (trimmed === '') return null;
    const registration = byRegistration.get(trimmed);
    if (registration) return one(registration);
    const person = byPerson.get(trimmed);
    if (person) return one(person);
    const bib = byBib.get(trimmed);
    if (bib) return one(bib);
    return byId.get(trimmed)?.view ?? null;
  };

  return {
    upsert,
    remove,
    search,
    lookupScan,
    size: () => byId.size,
  };
};
