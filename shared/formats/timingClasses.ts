// Who starts where, as timing software sees it: one start per person per
// timing class, deregistered entries left out, bib order within a class.
//
// A timing class is the registration's class and exercise together
// ("J 12 60 m"): in the exports seen, one class holds several exercises
// (60 m, 600 m, 2 km) that start at different times, and timing software
// gives each start time and course its own class.

import type { ParticipantView } from '../desk/state';
import type { Entry, Participant } from '../domain/participant';

/** A participant with the bib and chip that count now. */
export type TimingEntrant = {
  participant: Participant;
  bib: string;
  chip: string;
};

export type TimingStart = {
  entrant: TimingEntrant;
  entry: Entry;
  /** Local time yyyy-mm-ddTHH:MM:SS, or '' when the date or time is unknown. */
  startTime: string;
};

export type TimingClass = {
  /** Stable number for the class name (see classIds). */
  id: number;
  name: string;
  starts: TimingStart[];
};

export type TimingClassOptions = {
  /** Only these exercises (Øvelse, compared without case); all when empty. */
  exercises?: readonly string[];
};

/** Bib and chip as the registration data gives them. */
export const entrantsFromParticipants = (
  participants: readonly Participant[],
): TimingEntrant[] =>
  participants.map((participant) => ({
    participant,
    bib: participant.bib.trim(),
    chip: participant.chip.trim(),
  }));

/** Bib and chip as the desk assigned them, over the registration data. */
export const entrantsFromViews = (
  views: readonly ParticipantView[],
): TimingEntrant[] =>
  views.map(({ participant, state }) => ({
    participant,
    bib: state.bib.trim(),
    chip: state.chip.trim(),
  }));

export const timingClassName = (
  entry: Pick<Entry, 'className' | 'exercise'>,
): string =>
  [entry.className.trim(), entry.exercise.trim()]
    .filter((part) => part !== '')
    .join(' ');

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const clockTime = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The entry's date and Kl. as a local date-time, or ''. */
export const entryStartTime = (entry: Pick<Entry, 'date' | 'time'>) => {
  const time = clockTime.exec(entry.time.trim());
  if (!isoDate.test(entry.date) || !time) return '';
  return `${entry.date}T${time[1]}:${time[2]}:${time[3] ?? '00'}`;
};

const collator = new Intl.Collator('nb', { numeric: true });

const compareBibs = (a: string, b: string): number => {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return collator.compare(a, b);
};

/** Bib order; people without a bib last, by name, so the order is stable. */
export const compareStarts = (a: TimingStart, b: TimingStart): number =>
  compareBibs(a.entrant.bib, b.entrant.bib) ||
  collator.compare(
    a.entrant.participant.lastName,
    b.entrant.participant.lastName,
  ) ||
  collator.compare(
    a.entrant.participant.firstName,
    b.entrant.participant.firstName,
  ) ||
  collator.compare(a.entrant.participant.id, b.entrant.participant.id);

/** FNV-1a, 32 bits: short, stable, and the same in every runtime. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const idSpan = 900_000;

/**
 * A six-digit number per class name, the same in every export of the
 * event: MeOS makes a new class for every IOF Class without an Id and
 * renames the class it already has under a known Id, so ids counted in
 * list order would move when a class is added. Two names on the same
 * number (rare: about 5 in 100 events with 300 classes) are told apart by
 * taking the next free number in name order.
 */
export const classIds = (
  names: readonly string[],
): ReadonlyMap<string, number> => {
  const taken = new Set<number>();
  const ids = new Map<string, number>();
  for (const name of [...new Set(names)].sort(collator.compare)) {
    let id = 100_000 + (fnv1a(name) % idSpan);
    while (taken.has(id)) id = 100_000 + ((id - 100_000 + 1) % idSpan);
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
};

const exerciseFilter = (options: TimingClassOptions) => {
  const wanted = new Set(
    (options.exercises ?? []).map((name) => name.trim().toLowerCase()),
  );
  return (entry: Entry) =>
    wanted.size === 0 || wanted.has(entry.exercise.trim().toLowerCase());
};

/** Active entries by timing class, classes by name as the desk lists them. */
export const timingClasses = (
  entrants: readonly TimingEntrant[],
  options: TimingClassOptions = {},
): TimingClass[] => {
  const classes = new Map<string, TimingClass>();
  const placed = new Set<string>();
  const wanted = exerciseFilter(options);
  for (const entrant of entrants) {
    for (const entry of entrant.participant.entries) {
      if (entry.status !== 'active' || !wanted(entry)) continue;
      const name = timingClassName(entry);
      let timingClass = classes.get(name);
      if (!timingClass) {
        timingClass = { id: 0, name, starts: [] };
        classes.set(name, timingClass);
      }
      // The same person twice in one class (a re-entry under a second
      // registration) starts once: the first registration counts.
      const key = `${entrant.participant.id}\u0000${name}`;
      if (placed.has(key)) continue;
      placed.add(key);
      timingClass.starts.push({
        entrant,
        entry,
        startTime: entryStartTime(entry),
      });
    }
  }
  const sorted = [...classes.values()].sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  const ids = classIds(sorted.map((timingClass) => timingClass.name));
  for (const timingClass of sorted) {
    timingClass.id = ids.get(timingClass.name) ?? 0;
    timingClass.starts.sort(compareStarts);
  }
  return sorted;
};

/** The first day anyone starts, yyyy-mm-dd, or ''. */
export const firstStartDate = (classes: readonly TimingClass[]): string => {
  const dates = classes
    .flatMap((timingClass) => timingClass.starts)
    .map((start) => start.entry.date)
    .filter((date) => isoDate.test(date))
    .sort();
  return dates[0] ?? '';
};
