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

export type TimingClass = { name: string; starts: TimingStart[] };

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

/** Active entries by timing class, classes by name as the desk lists them. */
export const timingClasses = (
  entrants: readonly TimingEntrant[],
): TimingClass[] => {
  const classes = new Map<string, TimingClass>();
  const placed = new Set<string>();
  for (const entrant of entrants) {
    for (const entry of entrant.participant.entries) {
      if (entry.status !== 'active') continue;
      const name = timingClassName(entry);
      let timingClass = classes.get(name);
      if (!timingClass) {
        timingClass = { name, starts: [] };
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
  for (const timingClass of sorted) timingClass.starts.sort(compareStarts);
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
