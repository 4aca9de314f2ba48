// The per-keystroke search over one event's participants. ARCHITECTURE.md:
// `$regex` in IndexedDB takes 300 ms for 50,000 people, so the renderer
// keeps this index in memory and updates it from the change stream.
//
// Each person has one precomputed haystack, "|tok|tok|…|=bib|=year|=pid|",
// and a query token matches when the haystack contains "|" + token (a
// prefix of a word) or, for a number, "|=" + number + "|" (exactly a bib,
// birth year, person id or number word). One includes() per token over flat
// strings is about as fast as a scan gets; the entries are kept sorted by
// name so ties need no sort per keystroke.

import type { ParticipantView } from '../desk/state';
import { foldTokens } from './fold';
import { createScanKeys, updateScanKeys } from './keyIndex';

type Entry = {
  view: ParticipantView;
  /** Folded words of the first names, last name and club. */
  first: readonly string[];
  last: readonly string[];
  club: readonly string[];
  /** "first last" and "last first", folded, for full-name ranking. */
  firstLast: string;
  lastFirst: string;
  sortKey: string;
};

type Tokens = (text: string) => readonly string[];

const numeric = /^[0-9]+$/;

const joinNames = (a: string, b: string) =>
  a === '' ? b : b === '' ? a : `${a} ${b}`;

const entryOf = (view: ParticipantView, tokens: Tokens): Entry => {
  const { firstName, lastName, club, id } = view.participant;
  const first = tokens(firstName);
  const last = tokens(lastName);
  const firstText = first.join(' ');
  const lastText = last.join(' ');
  return {
    view,
    first,
    last,
    club: tokens(club),
    firstLast: joinNames(firstText, lastText),
    lastFirst: joinNames(lastText, firstText),
    sortKey: `${lastText}\u0000${firstText}\u0000${id}`,
  };
};

// One join makes one flat string; a template around it would make a rope
// that every includes() has to walk through (measured: 4x slower). The
// numbers a person is found by are marked "=" for an exact match.
const haystackOf = (entry: Entry) => {
  const { participant, state } = entry.view;
  const parts = [''];
  for (const word of entry.first) parts.push(word);
  for (const word of entry.last) parts.push(word);
  for (const word of entry.club) {
    parts.push(word);
    if (numeric.test(word)) parts.push(`=${word}`);
  }
  const year = participant.birthDate.slice(0, 4);
  if (state.bib !== '') parts.push(`=${state.bib}`);
  if (year !== '') parts.push(`=${year}`);
  if (participant.personId !== '') parts.push(`=${participant.personId}`);
  parts.push('');
  return parts.join('|');
};

/**
 * Folding runs a handful of regular expressions; names and clubs repeat a
 * lot in an event, so each index folds each distinct text once.
 */
const memoTokens = (): Tokens => {
  const known = new Map<string, readonly string[]>();
  return (text) => {
    const cached = known.get(text);
    if (cached) return cached;
    const tokens = foldTokens(text);
    known.set(text, tokens);
    return tokens;
  };
};

/** True when the entry and haystack built for `a` also fit `b`. */
const sameSearchFields = (a: ParticipantView, b: ParticipantView) =>
  a.participant.firstName === b.participant.firstName &&
  a.participant.lastName === b.participant.lastName &&
  a.participant.club === b.participant.club &&
  a.participant.birthDate.slice(0, 4) === b.participant.birthDate.slice(0, 4) &&
  a.participant.personId === b.participant.personId &&
  a.state.bib === b.state.bib;

/** What a query token must find in a haystack. */
const needleOf = (token: string): string =>
  numeric.test(token) ? `|=${token}|` : `|${token}`;

const matchesAll = (haystack: string, needles: readonly string[]) => {
  for (const needle of needles) {
    if (!haystack.includes(needle)) return false;
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

export type SearchIndex = {
  upsert(view: ParticipantView): void;
  /**
   * Swaps in a new view of the same person; re-indexes only when a field
   * search reads changed. For full documents arriving after summaries.
   */
  refresh(view: ParticipantView): void;
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
  const keys = createScanKeys();
  const tokens = memoTokens();

  const remove = (participantId: string) => {
    const entry = byId.get(participantId);
    if (!entry) return;
    byId.delete(participantId);
    updateScanKeys(keys, entry.view, 'remove');
    let at = insertionPoint(sorted, entry.sortKey);
    if (sorted[at] !== entry) at = sorted.indexOf(entry);
    sorted.splice(at, 1);
    haystacks.splice(at, 1);
  };

  const upsert = (view: ParticipantView) => {
    remove(view.participant.id);
    const entry = entryOf(view, tokens);
    byId.set(view.participant.id, entry);
    updateScanKeys(keys, view, 'add');
    const at = insertionPoint(sorted, entry.sortKey);
    sorted.splice(at, 0, entry);
    haystacks.splice(at, 0, haystackOf(entry));
  };

  const refresh = (view: ParticipantView) => {
    const entry = byId.get(view.participant.id);
    if (!entry || !sameSearchFields(entry.view, view)) {
      upsert(view);
      return;
    }
    updateScanKeys(keys, entry.view, 'remove');
    entry.view = view;
    updateScanKeys(keys, view, 'add');
  };

  // Built in one pass and one sort: upserting 50,000 one by one would
  // splice a growing array 50,000 times. The scan is bound by memory, so
  // the haystacks are created in name order, in a loop of their own, and
  // nothing but their array points at them: V8 then keeps them side by
  // side. The same strings created in another order, or copied by the
  // garbage collector next to each entry's other strings, took 2-4x as
  // long to scan (50,000 people).
  const latest = new Map<string, ParticipantView>();
  for (const view of views) latest.set(view.participant.id, view);
  const entries = [...latest.values()].map((view) => entryOf(view, tokens));
  entries.sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0,
  );
  for (const entry of entries) {
    byId.set(entry.view.participant.id, entry);
    updateScanKeys(keys, entry.view, 'add');
    sorted.push(entry);
  }
  for (const entry of entries) haystacks.push(haystackOf(entry));

  const one = (ids: readonly string[]) =>
    ids.length === 1 ? (byId.get(ids[0] ?? '')?.view ?? null) : null;

  const bibEntries = (bib: string): Entry[] =>
    keys.bibs
      .get(bib)
      .map((id) => byId.get(id))
      .filter((entry): entry is Entry => entry !== undefined)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));

  const search = (query: string, limit = 50): ParticipantView[] => {
    const tokens = foldTokens(query);
    if (tokens.length === 0 || limit <= 0) return [];
    const phrase = tokens.join(' ');
    // The longest word first: it is the one fewest people have.
    const [first = '', ...rest] = tokens
      .map(needleOf)
      .sort((a, b) => b.length - a.length);
    const bib = tokens.length === 1 && numeric.test(phrase) ? phrase : '';
    const bibHits = bib === '' ? [] : bibEntries(bib);
    const wanted = limit - bibHits.length;
    const nameHits: Entry[] = [];
    const otherHits: Entry[] = [];

    // The hot loop: one includes() per person for a one-word query, over a
    // plain array of flat strings. Everything else runs on matches only,
    // and the scan stops once enough full-name matches are in.
    for (let i = 0; i < haystacks.length && nameHits.length < wanted; i++) {
      const haystack = haystacks[i] ?? '';
      if (!haystack.includes(first)) continue;
      if (rest.length > 0 && !matchesAll(haystack, rest)) continue;
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
    for (const index of [keys.registrations, keys.persons, keys.bibs]) {
      const ids = index.get(trimmed);
      if (ids.length > 0) return one(ids);
    }
    return byId.get(trimmed)?.view ?? null;
  };

  return {
    upsert,
    refresh,
    remove,
    search,
    lookupScan,
    size: () => byId.size,
  };
};
