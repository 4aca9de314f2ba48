// A start list, entry list or CSV start list as the file's bytes, from the
// timing classes the results page counts on (liveResults.ts startListOf:
// the desk's views, so late entries are in, deregistered people and
// entries are out, and bibs and chips are the ones set at the desk). Only
// what the format holds leaves the page (shared/formats/iofCommon.ts).

import type { TimingClass } from '../../../shared/formats/timingClasses';
import {
  type TimingListFormat,
  timingListText,
} from '../../../shared/formats/timingLists';

export type StartListFile = {
  text: Uint8Array;
  /** People on the list (a person in two classes is one). */
  people: number;
  /** Starts: one per person and timing class. */
  rows: number;
};

export const startListFile = (
  format: TimingListFormat,
  classes: readonly TimingClass[],
  event: { name: string; date: string },
  createdAt: string,
): StartListFile => {
  const text = timingListText(format, classes, {
    eventName: event.name,
    // '' lets the list take the first start's date.
    ...(event.date === '' ? {} : { eventDate: event.date }),
    createdAt,
  });
  const people = new Set<string>();
  let rows = 0;
  for (const timingClass of classes) {
    for (const start of timingClass.starts) {
      people.add(start.entrant.participant.id);
      rows += 1;
    }
  }
  return { text: new TextEncoder().encode(text), people: people.size, rows };
};
